package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code plugboard installs remove NAME}: uninstalls a plugin; its run history stays. */
@Prototype
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Uninstall a plugin for a user or an organization. Its settings are deleted; its run history stays.",
        footer = {"%nExample:", "  plugboard installs remove webhook --user alice"})
public class RemoveInstallCommand extends CliCommand {

    private final Provider<UninstallPluginUseCase> uninstalling;

    @Parameters(paramLabel = "NAME", description = "The installed plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    public RemoveInstallCommand(Provider<UninstallPluginUseCase> uninstalling) {
        this.uninstalling = uninstalling;
    }

    @Override
    protected ExitCode execute() {
        uninstalling.get().uninstall(new UninstallPluginCommand(owner.caller(Optional.empty()), PluginName.of(plugin)));
        out().println("Removed " + plugin + " for " + owner.owner() + ".");
        return ExitCode.OK;
    }
}
