package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.domain.installation.Environment;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugboard installs show NAME}: one installation. */
@Prototype
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one installation: its settings (secrets as (set)), switches and run statistics.",
        footer = {"%nExample:", "  plugboard installs show webhook --user alice --json"})
public class ShowInstallCommand extends CliCommand {

    private final Provider<ListInstallationsUseCase> installations;

    @Parameters(paramLabel = "NAME", description = "The installed plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Mixin
    private JsonOption json;

    @Option(names = "--environment", paramLabel = "ENV",
            description = "Show ENV's whole settings: the base settings with ENV's override merged over them.")
    private String environment;

    public ShowInstallCommand(Provider<ListInstallationsUseCase> installations) {
        this.installations = installations;
    }

    @Override
    protected ExitCode execute() {
        InstallationView view = installations.get().getInstallation(owner.owner(), plugin, Environment.of(environment));
        if (json.enabled()) {
            Json.print(out(), InstallationOutput.json(view));
        } else {
            InstallationOutput.describe(view, out());
        }
        return ExitCode.OK;
    }
}
