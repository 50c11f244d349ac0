package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard workflows pause SLUG}: keeps a workflow's trigger from starting it. */
@Prototype
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Pause an active workflow: its trigger no longer starts it; runs under way"
                + " go on. Activate it again to resume."},
        footer = {"%nExamples:", "  plugboard workflows pause triage --user alice",
                "  plugboard workflows pause nightly-report --org acme --if-version 4"})
public class PauseWorkflowCommand extends StatusCommand {

    public PauseWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        super(workflows, WorkflowStatus.PAUSED);
    }
}
