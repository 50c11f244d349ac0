package dev.plugboard.adapter.cli.audit;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.adapter.cli.support.Listing;
import dev.plugboard.adapter.cli.support.SinceConverter;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code plugboard audit list}: the audit trail, newest first. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List audit entries, newest first.",
        footer = {"%nExamples:", "  plugboard audit list --since 7d", "  plugboard audit list --since 2026-03-01 --action disable",
                "  plugboard audit list --target plugin:analytics --json"})
public class ListAuditCommand extends CliCommand {

    private final Provider<ReadAuditTrailUseCase> audit;

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
            description = "Only entries at or after WHEN: an ISO-8601 instant (2026-03-01T10:00:00Z), a date"
                    + " (2026-03-01, midnight UTC) or a time ago (30m, 1h, 7d).")
    private Instant since;

    @Option(names = "--actor", paramLabel = "ACTOR", description = "Only entries by this actor, e.g. operator:root or user:alice.")
    private String actor;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Only this action: install, uninstall, configure, enable, disable, register, sync,"
                    + " run_started or run_cancelled.")
    private AuditAction action;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "Only entries about this target, e.g. plugin:analytics or installation:user:alice/webhook.")
    private String target;

    @Mixin
    private LimitOption limit;

    @Mixin
    private JsonOption json;

    public ListAuditCommand(Provider<ReadAuditTrailUseCase> audit) {
        this.audit = audit;
    }

    @Override
    protected ExitCode execute() {
        AuditFilter filter = new AuditFilter(Optional.ofNullable(since), Optional.ofNullable(actor),
                Optional.ofNullable(action), Optional.ofNullable(target));
        ReadAuditTrailUseCase trail = audit.get();
        List<AuditEntry> entries = Listing.fetch(page -> trail.list(filter, page), limit.value());
        if (json.enabled()) {
            Json.print(out(), entries.stream().map(ListAuditCommand::json).toList());
        } else if (entries.isEmpty()) {
            out().println("No audit entries match.");
        } else {
            Table table = new Table("TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL");
            entries.forEach(e -> table.row(e.at(), e.actor(), e.action().wireName(), e.target(), outcome(e), e.detail()));
            table.print(out());
        }
        return ExitCode.OK;
    }

    private static String outcome(AuditEntry entry) {
        return entry.outcome().name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> json(AuditEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id().toString());
        json.put("at", Json.time(entry.at()));
        json.put("actor", entry.actor().toString());
        json.put("action", entry.action().wireName());
        json.put("target", entry.target());
        json.put("outcome", outcome(entry));
        json.put("before", entry.before().map(JsonDocument::asMap).orElse(null));
        json.put("after", entry.after().map(JsonDocument::asMap).orElse(null));
        json.put("detail", entry.detail());
        json.put("environment", entry.environment());
        return json;
    }
}
