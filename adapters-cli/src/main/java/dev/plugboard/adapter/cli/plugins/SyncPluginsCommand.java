package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ErrorLines;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Action;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code plugboard plugins sync}: re-reads the manifests and brings the catalog in line. */
@Prototype
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Migrate the schema if needed, re-read the builtin plugins and the plugins directory, and apply"
                + " the sync plan: new plugins are added, changed ones updated; every plugin keeps its enabled state.",
                "Each plugin's line says what it does: added, upgraded, downgraded, schema changed, changed, unchanged."
                + " A downgrade needs --allow-downgrade; a version outside a dependent's range, or taking over a plugin"
                + " registered over the API, needs --force. Builtins are never replaced.",
                "Exits 1 when a manifest was rejected or refused (each one is named on stderr); the others are still synced."},
        footer = {"%nExamples:", "  plugboard plugins sync --dry-run", "  plugboard plugins sync",
                "  plugboard plugins sync --dir ./plugins --allow-downgrade"})
public class SyncPluginsCommand extends CliCommand {

    private final Provider<SyncCatalogUseCase> sync;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Read plugin manifests from DIR instead of the configured plugins directory.")
    private Path directory;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    private boolean dryRun;

    @Option(names = "--allow-downgrade", description = "Apply manifests whose version is lower than the catalog's.")
    private boolean allowDowngrade;

    @Option(names = "--force", description = "Apply versions outside a dependent's range (the dependent is then"
            + " unsatisfied) and take over plugins registered over the API; never a builtin.")
    private boolean force;

    @Mixin
    private JsonOption json;

    public SyncPluginsCommand(Provider<SyncCatalogUseCase> sync) {
        this.sync = sync;
    }

    @Override
    protected ExitCode execute() {
        SyncReport report;
        try (ProgressDisplay progress = progress(json.enabled())) {
            report = sync.get().sync(new SyncCatalogCommand(Operator.actor(), Optional.ofNullable(directory),
                    new SyncOptions(dryRun, allowDowngrade, force), progress));
        }
        if (json.enabled()) {
            Json.print(out(), json(report));
        } else {
            out().println((report.dryRun() ? "Sync plan, " : "Catalog synced: ") + report.summary() + ".");
            report.plan().stream().filter(change -> change.action() != Action.UNCHANGED || change.refusal().isPresent())
                    .forEach(change -> out().println("  " + line(change)));
        }
        report.rejected().forEach(problem -> ErrorLines.error(err(), "rejected " + problem));
        return report.rejected().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    static String line(PlannedChange change) {
        String versions = change.fromVersion().map(from -> from + " -> ").orElse("") + change.toVersion().orElse("");
        return String.format("%-15s %-20s %s (%s)%s%s", change.refusal().isPresent() ? "refused" : change.action().label(),
                change.plugin(), versions, change.source(), change.schemaChanged() ? ", settings schema changed" : "",
                change.notes().isEmpty() ? "" : "; " + String.join("; ", change.notes()))
                + change.impact().map(impact -> "; " + impact.summary()
                        + String.join("", impact.examples().stream().map(example -> "\n      " + example).toList())).orElse("");
    }

    private static Map<String, Object> json(SyncReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", report.dryRun());
        json.put("plan", report.plan().stream().map(SyncPluginsCommand::json).toList());
        json.put("added", report.added());
        json.put("updated", report.updated().stream().map(c -> Map.of("plugin", c.plugin(), "fromVersion", c.fromVersion(),
                "toVersion", c.toVersion())).toList());
        json.put("unchanged", report.unchanged());
        json.put("rejected", report.rejected().stream().map(p -> Map.of("location", p.location(), "message", p.message())).toList());
        return json;
    }

    static Map<String, Object> json(PlannedChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", change.plugin());
        json.put("action", change.action().label());
        json.put("source", change.source());
        json.put("fromVersion", change.fromVersion().orElse(null));
        json.put("toVersion", change.toVersion().orElse(null));
        json.put("schemaChanged", change.schemaChanged());
        json.put("refusal", change.refusal().orElse(null));
        json.put("notes", change.notes());
        json.put("impact", change.impact().map(impact -> Map.of("installations", impact.installations(),
                "broken", impact.broken(), "examples", impact.examples())).orElse(null));
        return json;
    }
}
