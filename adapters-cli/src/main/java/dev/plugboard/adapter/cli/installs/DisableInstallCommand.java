package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code plugboard installs disable NAME}: the owner's own switch of one installation. */
@Prototype
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Switch an installation off for its owner: its settings stay, it does not run.",
        footer = {"%nExample:", "  plugboard installs disable webhook --user alice"})
public class DisableInstallCommand extends CliCommand {

    private final Provider<ToggleInstallationUseCase> toggling;

    @Parameters(paramLabel = "NAME", description = "The installed plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    public DisableInstallCommand(Provider<ToggleInstallationUseCase> toggling) {
        this.toggling = toggling;
    }

    @Override
    protected ExitCode execute() {
        InstallationView view = toggling.get().toggle(
                new ToggleInstallationCommand(owner.caller(Optional.empty()), PluginName.of(plugin), false));
        out().println(InstallationOutput.summary("Disabled", view));
        return ExitCode.OK;
    }
}
