package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowStatus;
import jakarta.inject.Provider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Base of {@code activate}, {@code pause} and {@code archive}: moves a workflow to one status. */
abstract class StatusCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;
    private final WorkflowStatus target;

    @Parameters(paramLabel = "SLUG", description = "The workflow.")
    private String slug;

    @Mixin
    private VersionOption version;

    protected StatusCommand(Provider<ManageWorkflowsUseCase> workflows, WorkflowStatus target) {
        this.workflows = workflows;
        this.target = target;
    }

    @Override
    protected ExitCode execute() {
        Workflow workflow = workflows.get().changeStatus(actor(), slug, target, version.expected());
        out().println("Workflow " + workflow.slug() + " of " + workflow.owner() + " is " + workflow.status().wireName()
                + (workflow.enabled() ? "" : " (switched off: its trigger stays quiet until isEnabled is true)")
                + ", version " + workflow.version() + ".");
        return ExitCode.OK;
    }
}
