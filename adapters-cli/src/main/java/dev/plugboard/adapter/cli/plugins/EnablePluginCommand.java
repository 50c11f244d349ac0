package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plugboard plugins enable NAME}: switches a plugin on for everyone, persistently. */
@Prototype
@Command(name = "enable", mixinStandardHelpOptions = true,
        description = {"Switch a plugin on for everyone. The state is stored and survives restarts.",
                "Refused (exit 5) while a plugin it depends on is missing or disabled."},
        footer = {"%nExample:", "  plugboard plugins enable analytics"})
public class EnablePluginCommand extends CliCommand {

    private final Provider<SwitchPluginUseCase> switching;

    @Parameters(paramLabel = "NAME", description = "The plugin's name.")
    private String name;

    public EnablePluginCommand(Provider<SwitchPluginUseCase> switching) {
        this.switching = switching;
    }

    @Override
    protected ExitCode execute() {
        Plugin plugin = switching.get().switchPlugin(
                new SwitchPluginCommand(Operator.actor(), PluginName.of(name), true, false));
        out().println("Plugin " + plugin.name() + " " + plugin.version() + " is enabled.");
        return ExitCode.OK;
    }
}
