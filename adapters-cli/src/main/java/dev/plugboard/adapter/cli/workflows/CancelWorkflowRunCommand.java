package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.domain.workflow.WorkflowRun;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plugboard workflows cancel RUN_ID}: stops a workflow run that has not ended. */
@Prototype
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a queued or running workflow run, with its pending and running steps and their plugin"
                + " runs. A run that has already ended can't be cancelled (exit 5)."},
        footer = {"%nExample:", "  plugboard workflows cancel 0b6c5e2a-7f1d-4e8a-9c3b-5d2f1a7e9b40 --user alice"})
public class CancelWorkflowRunCommand extends WorkflowCommand {

    private final Provider<RunWorkflowsUseCase> runs;

    @Parameters(paramLabel = "RUN_ID", description = "The workflow run's id.")
    private String runId;

    public CancelWorkflowRunCommand(Provider<RunWorkflowsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        WorkflowRun run = runs.get().cancel(actor(), runId);
        out().println("Cancelled workflow run " + run.id() + " of " + run.slug() + " for " + run.owner() + ".");
        return ExitCode.OK;
    }
}
