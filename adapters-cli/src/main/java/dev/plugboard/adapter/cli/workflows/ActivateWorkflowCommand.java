package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard workflows activate SLUG}: lets a workflow's trigger start it. */
@Prototype
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = {"Make a draft or paused workflow active: its trigger (schedule, webhook,"
                + " event) starts it from now on. An archived workflow stays archived (exit 5)."},
        footer = {"%nExamples:", "  plugboard workflows activate triage --user alice",
                "  plugboard workflows activate nightly-report --org acme --if-version 4"})
public class ActivateWorkflowCommand extends StatusCommand {

    public ActivateWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        super(workflows, WorkflowStatus.ACTIVE);
    }
}
