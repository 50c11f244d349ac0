package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.domain.plugin.Plugin;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard plugins show NAME}: one plugin with its schemas. */
@Prototype
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one plugin: its metadata, status, default settings and settings schema.",
        footer = {"%nExamples:", "  plugboard plugins show webhook", "  plugboard plugins show webhook --json"})
public class ShowPluginCommand extends CliCommand {

    private final Provider<BrowseCatalogUseCase> catalog;

    @Parameters(paramLabel = "NAME", description = "The plugin's name, e.g. analytics.")
    private String name;

    @Mixin
    private JsonOption json;

    public ShowPluginCommand(Provider<BrowseCatalogUseCase> catalog) {
        this.catalog = catalog;
    }

    @Override
    protected ExitCode execute() {
        Plugin plugin = catalog.get().get(name);
        if (json.enabled()) {
            Json.print(out(), PluginOutput.details(plugin));
        } else {
            PluginOutput.describe(plugin, out());
        }
        return ExitCode.OK;
    }
}
