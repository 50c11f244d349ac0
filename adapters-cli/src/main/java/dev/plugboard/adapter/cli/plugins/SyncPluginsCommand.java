package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ErrorLines;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
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
        description = {"Re-read the builtin plugins and the plugins directory, and bring the catalog in line:"
                + " new plugins are added, changed ones updated; every plugin keeps its enabled state.",
                "Exits 1 when a manifest was rejected (each one is named on stderr); the others are still synced."},
        footer = {"%nExamples:", "  plugboard plugins sync", "  plugboard plugins sync --dir ./plugins"})
public class SyncPluginsCommand extends CliCommand {

    private final Provider<SyncCatalogUseCase> sync;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Read plugin manifests from DIR instead of the configured plugins directory.")
    private Path directory;

    @Mixin
    private JsonOption json;

    public SyncPluginsCommand(Provider<SyncCatalogUseCase> sync) {
        this.sync = sync;
    }

    @Override
    protected ExitCode execute() {
        SyncReport report = sync.get().sync(new SyncCatalogCommand(Operator.actor(), Optional.ofNullable(directory)));
        if (json.enabled()) {
            Json.print(out(), json(report));
        } else {
            out().println("Catalog synced: " + report.summary() + ".");
            report.added().forEach(name -> out().println("  added    " + name));
            report.updated().forEach(c -> out().println("  updated  " + c.plugin() + " " + c.fromVersion() + " -> " + c.toVersion()));
        }
        report.rejected().forEach(problem -> ErrorLines.error(err(), "rejected " + problem));
        return report.rejected().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static Map<String, Object> json(SyncReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("added", report.added());
        json.put("updated", report.updated().stream().map(c -> Map.of("plugin", c.plugin(), "fromVersion", c.fromVersion(),
                "toVersion", c.toVersion())).toList());
        json.put("unchanged", report.unchanged());
        json.put("rejected", report.rejected().stream().map(p -> Map.of("location", p.location(), "message", p.message())).toList());
        return json;
    }
}
