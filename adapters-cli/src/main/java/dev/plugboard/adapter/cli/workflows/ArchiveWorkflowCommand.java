package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard workflows archive SLUG}: retires a workflow for good, keeping its runs. */
@Prototype
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Archive a workflow: it never runs again and can't be changed; its runs"
                + " are kept. This can't be undone."},
        footer = {"%nExamples:", "  plugboard workflows archive triage --user alice",
                "  plugboard workflows archive nightly-report --org acme --if-version 4"})
public class ArchiveWorkflowCommand extends StatusCommand {

    public ArchiveWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        super(workflows, WorkflowStatus.ARCHIVED);
    }
}
