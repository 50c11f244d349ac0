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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugboard plugins disable NAME}: switches a plugin off for everyone, persistently. */
@Prototype
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = {"Switch a plugin off for everyone: no installation of it runs until it is enabled again.",
                "The state is stored and survives restarts. Refused (exit 5) while enabled plugins depend on it,"
                        + " unless --force is given."},
        footer = {"%nExamples:", "  plugboard plugins disable analytics", "  plugboard plugins disable analytics --force"})
public class DisablePluginCommand extends CliCommand {

    private final Provider<SwitchPluginUseCase> switching;

    @Parameters(paramLabel = "NAME", description = "The plugin's name.")
    private String name;

    @Option(names = "--force", description = "Disable it even though enabled plugins depend on it.")
    private boolean force;

    public DisablePluginCommand(Provider<SwitchPluginUseCase> switching) {
        this.switching = switching;
    }

    @Override
    protected ExitCode execute() {
        Plugin plugin = switching.get().switchPlugin(
                new SwitchPluginCommand(Operator.actor(), PluginName.of(name), false, force));
        out().println("Plugin " + plugin.name() + " " + plugin.version() + " is disabled.");
        return ExitCode.OK;
    }
}
