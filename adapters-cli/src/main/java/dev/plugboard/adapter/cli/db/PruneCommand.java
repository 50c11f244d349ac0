package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.operations.PruneUseCase;
import dev.plugboard.application.port.in.operations.PruneUseCase.PruneReport;
import dev.plugboard.domain.retention.RetentionKind;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code plugboard db prune}: removes what is older than its retention window, or with --dry-run counts it. */
@Prototype
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove records older than their retention window (plugboard.retention.*): finished runs with"
                + " their attempts, ended workflow runs, schedule fires, webhook deliveries, metric rollups, analytics"
                + " daily stats, audit entries and event idempotency keys. Pending, processing, queued and running"
                + " runs are never removed. Deletes in batches of 1,000 rows, showing progress on stderr (a bar on a"
                + " terminal, else a line a second: 'prune runs: 12,000 so far').",
        footer = {"%nExamples:", "  plugboard db prune --dry-run", "  PLUGBOARD_RETENTION_AUDIT=P365D plugboard db prune"})
public class PruneCommand extends CliCommand {

    private final Provider<PruneUseCase> retention;

    @Option(names = "--dry-run", description = "Only count what would be removed; change nothing.")
    private boolean dryRun;

    @Mixin
    private JsonOption json;

    public PruneCommand(Provider<PruneUseCase> retention) {
        this.retention = retention;
    }

    @Override
    protected ExitCode execute() {
        PruneReport report;
        try (ProgressDisplay progress = progress(json.enabled())) {
            report = retention.get().prune(Operator.actor(), dryRun, progress);
        }
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("dryRun", report.dryRun());
            document.put("skipped", report.skipped());
            Map<String, Object> counts = new LinkedHashMap<>();
            for (RetentionKind kind : RetentionKind.values()) {
                counts.put(kind.wireName(), report.counts().getOrDefault(kind, 0L));
            }
            document.put(report.dryRun() ? "wouldRemove" : "removed", counts);
            Json.print(out(), document);
            return ExitCode.OK;
        }
        Table table = new Table("KIND", report.dryRun() ? "WOULD REMOVE" : "REMOVED", "OLDER THAN");
        for (RetentionKind kind : RetentionKind.values()) {
            table.row(kind.wireName(), String.valueOf(report.counts().getOrDefault(kind, 0L)),
                    String.valueOf(report.cutoffs().get(kind)));
        }
        table.print(out());
        out().println();
        out().println(report.dryRun() ? "Dry run: nothing was removed; run without --dry-run to remove " + report.total()
                + " record(s)." : "Removed " + report.total() + " record(s); the audit trail records the counts.");
        if (report.skipped()) {
            out().println("Stopped early: another instance is pruning right now; run again later.");
        }
        return ExitCode.OK;
    }
}
