package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.WorkflowRun;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Follows a workflow run by reading it again and again until it ends, printing each step once, as
 * it ends. The CLI only reads the database: a serving instance executes the run.
 */
final class RunWaiter {

    private static final Duration POLL = Duration.ofMillis(300);

    private final Supplier<WorkflowRun> reader;
    private final Optional<PrintWriter> progress;
    private final Set<Integer> reported = new HashSet<>();

    /** @param progress where finished steps are printed; empty to print nothing (JSON output) */
    RunWaiter(Supplier<WorkflowRun> reader, Optional<PrintWriter> progress) {
        this.reader = reader;
        this.progress = progress;
    }

    /** The run once it has ended, or empty when {@code timeout} passed first (the run goes on). */
    Optional<WorkflowRun> await(WorkflowRun started, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        WorkflowRun run = started;
        while (true) {
            report(run);
            if (run.status().isFinal()) {
                return Optional.of(run);
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
            run = reader.get();
        }
    }

    private void report(WorkflowRun run) {
        progress.ifPresent(out -> {
            for (StepRun step : run.stepRuns()) {
                if (step.status().isFinal() && reported.add(step.stepOrder())) {
                    out.println(WorkflowRunOutput.progress(run, step));
                    out.flush();
                }
            }
        });
    }
}
