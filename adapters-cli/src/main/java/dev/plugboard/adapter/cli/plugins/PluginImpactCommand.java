package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;

/** {@code plugboard plugins impact NAME}: what syncing this plugin's manifest now would do, installations included. */
@Prototype
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Show what the next sync would do to one plugin, changing nothing: its action, versions, and for"
                + " a changed settings schema how many stored installations would no longer validate, with the"
                + " first ones' violations. Exits 1 when installations would break or the sync would refuse the manifest."},
        footer = {"%nExample:", "  plugboard plugins impact greeter --dir ./plugins"})
public class PluginImpactCommand extends CliCommand {

    private final Provider<SyncCatalogUseCase> sync;

    @Parameters(paramLabel = "NAME", description = "The plugin's name.")
    private String name;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Read plugin manifests from DIR instead of the configured plugins directory.")
    private Path directory;

    @Mixin
    private JsonOption json;

    public PluginImpactCommand(Provider<SyncCatalogUseCase> sync) {
        this.sync = sync;
    }

    @Override
    protected ExitCode execute() {
        PluginName plugin = PluginName.of(name);
        PlannedChange change = sync.get().sync(new SyncCatalogCommand(Operator.actor(), Optional.ofNullable(directory),
                        new SyncOptions(true, false, false))).plan().stream()
                .filter(line -> line.plugin().equals(plugin.value())).findFirst()
                .orElseThrow(() -> new PluginNotFoundException(plugin.value()));
        if (json.enabled()) {
            Json.print(out(), SyncPluginsCommand.json(change));
        } else {
            out().println(SyncPluginsCommand.line(change).strip());
            change.refusal().ifPresent(reason -> out().println("refused: " + reason));
        }
        boolean breaks = change.impact().map(impact -> impact.broken() > 0).orElse(false);
        return breaks || change.refusal().isPresent() ? ExitCode.FAILURE : ExitCode.OK;
    }
}
