package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.adapter.cli.support.DurationConverter;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Optional;

/** {@code plugboard workflows run SLUG}: queues a manual run and, with {@code --wait}, follows it to its end. */
@Prototype
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start a workflow by hand with trigger data, as POST /api/user/workflows/{slug}/runs does."
                + " The run is queued in the database; a serving instance (plugboard serve) executes it, not this"
                + " command.",
                "With --wait it prints each step as it ends and exits 0 when the run completed, 1 when it failed or"
                        + " was cancelled, and 1 with a hint when it has not ended after --timeout (it goes on)."},
        footer = {"%nExamples:", "  plugboard workflows run triage --user alice --data '{\"text\": \"Hello\"}'",
                "  plugboard workflows run triage --user alice --data @message.json --wait",
                "  plugboard workflows run nightly-report --org acme --wait --timeout 5m -o json"})
public class RunWorkflowCommand extends WorkflowCommand {

    private final Provider<RunWorkflowsUseCase> runs;

    @Parameters(paramLabel = "SLUG", description = "The workflow to run.")
    private String slug;

    @Mixin
    private DataOption data;

    @Option(names = "--wait", description = "Follow the run until it ends, printing each step as it ends.")
    private boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "How long --wait waits, e.g. 30s or 10m (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Mixin
    private OutputOption output;

    public RunWorkflowCommand(Provider<RunWorkflowsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() throws InterruptedException {
        RunWorkflowsUseCase use = runs.get();
        WorkflowActor actor = actor();
        WorkflowRun run = use.run(actor, slug, data.triggerData());
        OutputOption.Format format = output.format();
        boolean people = format == OutputOption.Format.TABLE;
        if (!waitForEnd) {
            WorkflowRunOutput.print(run, format, out());
            if (people) {
                out().println("Queued; a serving instance (plugboard serve) runs it. Follow it with: "
                        + "plugboard workflows run-show " + run.id() + " " + ownerFlags());
            }
            return ExitCode.OK;
        }
        if (people) {
            out().println("Workflow run " + run.id() + " of " + slug + " queued; waiting for it to end...");
        }
        RunWaiter waiter = new RunWaiter(() -> use.getRun(actor, run.id()), people ? Optional.of(out()) : Optional.empty());
        WorkflowRun ended = waiter.await(run, timeout).orElseThrow(() -> new CliFailure(ExitCode.FAILURE,
                "workflow run " + run.id() + " has not ended after " + WorkflowRunOutput.seconds(timeout)
                        + "; it keeps going. Runs are executed by a serving instance (plugboard serve) on this"
                        + " database, not by this command: is one running? Look at it with: plugboard workflows"
                        + " run-show " + run.id() + " " + ownerFlags()));
        WorkflowRunOutput.print(ended, format, out());
        return ended.status() == WorkflowRunStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILURE;
    }
}
