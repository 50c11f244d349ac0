package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.adapter.cli.support.Listing;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.workflow.WorkflowRun;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code plugboard workflows runs SLUG}: a workflow's runs, newest first; {@code --id} shows one run. */
@Prototype
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List a workflow's runs, newest first: status, who or what triggered it, the workflow version"
                + " it ran, how many steps have ended, duration and error.",
                "With --id RUN_ID it shows one run with its steps instead, as run-show does."},
        footer = {"%nExamples:", "  plugboard workflows runs triage --user alice",
                "  plugboard workflows runs triage --user alice --limit 5 -o json",
                "  plugboard workflows runs --id 0b6c5e2a-7f1d-4e8a-9c3b-5d2f1a7e9b40 --user alice"})
public class ListWorkflowRunsCommand extends WorkflowCommand {

    private final Provider<RunWorkflowsUseCase> runs;

    @Parameters(paramLabel = "SLUG", arity = "0..1", description = "The workflow whose runs to list.")
    private String slug;

    @Option(names = "--id", paramLabel = "RUN_ID", description = "Show this one workflow run and its steps.")
    private String runId;

    @Mixin
    private LimitOption limit;

    @Mixin
    private OutputOption output;

    public ListWorkflowRunsCommand(Provider<RunWorkflowsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        if ((slug == null) == (runId == null)) {
            throw usageError("give either a workflow SLUG, to list its runs, or --id RUN_ID, to show one run");
        }
        RunWorkflowsUseCase use = runs.get();
        WorkflowActor actor = actor();
        if (runId != null) {
            WorkflowRunOutput.print(use.getRun(actor, runId), output.format(), out());
            return ExitCode.OK;
        }
        List<WorkflowRun> found = Listing.fetch(page -> use.runs(actor, slug, page), limit.value());
        WorkflowRunOutput.print(found, output.format(), out());
        return ExitCode.OK;
    }
}
