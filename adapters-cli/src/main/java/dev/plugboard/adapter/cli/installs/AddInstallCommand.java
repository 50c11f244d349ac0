package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.adapter.cli.support.SettingsInput;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code plugboard installs add NAME}: installs a plugin for an owner. */
@Prototype
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Install a plugin for a user or an organization. Settings are laid over the plugin's defaults"
                + " and checked against its schema: every violation is printed (exit 4) and nothing is saved.",
                "Refused (exit 5) when it is already installed or the plan's limit is reached."},
        footer = {"%nExamples:", "  plugboard installs add analytics --user alice",
                "  plugboard installs add webhook --user alice --settings webhook.json",
                "  plugboard installs add webhook --org acme --settings - < webhook.json"})
public class AddInstallCommand extends CliCommand {

    private final Provider<InstallPluginUseCase> installing;

    @Parameters(paramLabel = "NAME", description = "The plugin to install.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--settings", paramLabel = "FILE|-",
            description = "A JSON object of settings, from FILE or from standard input (-). Default: the plugin's defaults.")
    private String settings;

    @Option(names = "--disabled", description = "Install it switched off.")
    private boolean disabled;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "The owner's plan, whose installation limit applies (default: the default plan).")
    private String plan;

    public AddInstallCommand(Provider<InstallPluginUseCase> installing) {
        this.installing = installing;
    }

    @Override
    protected ExitCode execute() {
        InstallPluginCommand command = new InstallPluginCommand(owner.caller(Optional.ofNullable(plan)),
                PluginName.of(plugin), Optional.ofNullable(settings).map(SettingsInput::read),
                disabled ? Optional.of(false) : Optional.empty());
        InstallationView view = installing.get().install(command);
        out().println(InstallationOutput.summary("Installed", view));
        return ExitCode.OK;
    }
}
