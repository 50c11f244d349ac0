package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code plugboard installs list}: an owner's installations. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the installations of a user or an organization.",
        footer = {"%nExamples:", "  plugboard installs list --user alice", "  plugboard installs list --org acme --json"})
public class ListInstallsCommand extends CliCommand {

    private final Provider<ListInstallationsUseCase> installations;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Mixin
    private JsonOption json;

    public ListInstallsCommand(Provider<ListInstallationsUseCase> installations) {
        this.installations = installations;
    }

    @Override
    protected ExitCode execute() {
        List<InstallationView> views = installations.get().listInstallations(owner.owner());
        if (json.enabled()) {
            Json.print(out(), views.stream().map(InstallationOutput::json).toList());
        } else if (views.isEmpty()) {
            out().println(owner.owner() + " has no installations.");
        } else {
            InstallationOutput.table(views, out());
        }
        return ExitCode.OK;
    }
}
