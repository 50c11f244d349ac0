package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard workflows run-show RUN_ID}: one workflow run with its step runs. */
@Prototype
@Command(name = "run-show", mixinStandardHelpOptions = true,
        description = {"Show one workflow run: status, trigger data, output, error and the step that failed, then each"
                + " step: status (with its condition's value), attempt, plugin run id, output or error."},
        footer = {"%nExamples:", "  plugboard workflows run-show 0b6c5e2a-7f1d-4e8a-9c3b-5d2f1a7e9b40 --user alice",
                "  plugboard workflows run-show 0b6c5e2a-7f1d-4e8a-9c3b-5d2f1a7e9b40 --org acme \\",
                "    -o json"})
public class ShowWorkflowRunCommand extends WorkflowCommand {

    private final Provider<RunWorkflowsUseCase> runs;

    @Parameters(paramLabel = "RUN_ID", description = "The workflow run's id.")
    private String runId;

    @Mixin
    private OutputOption output;

    public ShowWorkflowRunCommand(Provider<RunWorkflowsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        WorkflowRunOutput.print(runs.get().getRun(actor(), runId), output.format(), out());
        return ExitCode.OK;
    }
}
