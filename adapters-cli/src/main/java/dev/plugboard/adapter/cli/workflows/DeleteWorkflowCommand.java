package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard workflows delete SLUG}: removes a workflow. */
@Prototype
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a workflow. To keep its run history instead, archive it."},
        footer = {"%nExamples:", "  plugboard workflows delete triage --user alice",
                "  plugboard workflows delete triage --org acme --if-version 7"})
public class DeleteWorkflowCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;

    @Parameters(paramLabel = "SLUG", description = "The workflow to delete.")
    private String slug;

    @Mixin
    private VersionOption version;

    public DeleteWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        this.workflows = workflows;
    }

    @Override
    protected ExitCode execute() {
        workflows.get().delete(actor(), slug, version.expected());
        out().println("Deleted workflow " + slug + " of " + owner() + ".");
        return ExitCode.OK;
    }
}
