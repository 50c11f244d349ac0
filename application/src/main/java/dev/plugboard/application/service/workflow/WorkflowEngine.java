package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.workflow.OnError;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.StepRunStatus;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves workflow runs forward. All progress lives in PostgreSQL: each call takes one due run
 * (locked, so instances share the work and never advance the same run twice), looks at where it
 * is, and stores where it got to in the same transaction. A run waits while its step's plugin run
 * executes, and the next look finds that plugin run ended; so a run whose instance died simply
 * continues on another, from the first step that has not completed.
 */
public final class WorkflowEngine {

    /** Steps one look may take, so that a long chain of skipped steps can't hold a transaction for long. */
    private static final int STEPS_PER_LOOK = 20;

    private final WorkflowRunRepository runs;
    private final WorkflowRepository workflows;
    private final RunRepository pluginRuns;
    private final StepStarter steps;
    private final StepFailures failures;
    private final TemplateEngine templates;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final WorkflowSettings settings;
    private final Telemetry telemetry;

    WorkflowEngine(WorkflowRunRepository runs, WorkflowRepository workflows, RunRepository pluginRuns, StepStarter steps,
                   TemplateEngine templates, TransactionBoundary transactions, TimeSource clock,
                   WorkflowSettings settings, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.runs = runs;
        this.workflows = workflows;
        this.pluginRuns = pluginRuns;
        this.steps = steps;
        this.failures = new StepFailures(settings);
        this.templates = templates;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Advances due runs until none is due or {@code max} were looked at; returns how many were. */
    public int advanceDue(int max) {
        int looked = 0;
        while (looked < max && transactions.inTransaction(() -> runs.claimDue(clock.now()).map(this::advance).isPresent())) {
            looked++;
        }
        return looked;
    }

    private WorkflowRun advance(WorkflowRun claimed) {
        Instant now = clock.now();
        WorkflowRun run = claimed;
        if (run.status() == WorkflowRunStatus.QUEUED) {
            workflows.lock(run.workflowId());
            if (runs.countRunning(run.workflowId()) >= settings.maxConcurrentRuns()) {
                return runs.update(run, now.plus(settings.checkInterval().multipliedBy(4)));
            }
            run = run.started(now);
        }
        Optional<Instant> wait = Optional.empty();
        for (int step = 0; step < STEPS_PER_LOOK && !run.status().isFinal() && wait.isEmpty(); step++) {
            Optional<StepRun> current = run.current();
            if (current.isEmpty()) {
                run = finish(run, now);
                break;
            }
            Look look = look(run, current.get(), now);
            run = look.run();
            wait = look.until();
        }
        WorkflowRun stored = runs.update(run, wait.orElse(now));
        if (stored.status().isFinal()) {
            workflows.recordExecution(stored.workflowId(), now, Optional.ofNullable(stored.error()));
            telemetry.workflowRunFinished(stored.status());
        }
        return stored;
    }

    /** Where a look at the current step left the run, and until when it waits (empty: go on at once). */
    private record Look(WorkflowRun run, Optional<Instant> until) {
    }

    private Look look(WorkflowRun run, StepRun current, Instant now) {
        WorkflowStep step = run.definition().step(current.stepOrder()).orElseThrow();
        if (current.status() == StepRunStatus.PENDING
                || (current.pluginRunId() == null && current.retryAt() != null && !current.retryAt().isAfter(now))) {
            StepStarter.Started started = steps.start(run, step, now);
            WorkflowRun moved = run.with(started.step());
            return started.failure().isPresent() ? new Look(failures.apply(moved, step, started.step(), now), Optional.empty())
                    : new Look(moved, started.step().status().isFinal() ? Optional.empty() : Optional.of(now.plus(settings.checkInterval())));
        }
        if (current.pluginRunId() == null) {
            return new Look(run, Optional.of(current.retryAt()));
        }
        Optional<PluginRun> pluginRun = pluginRuns.find(run.owner(), RunId.of(UUID.fromString(current.pluginRunId())));
        if (pluginRun.isEmpty()) {
            StepRun lost = current.failed("its plugin run " + current.pluginRunId() + " is gone", now);
            return new Look(failures.apply(run.with(lost), step, lost, now), Optional.empty());
        }
        RunStatus status = pluginRun.get().status();
        if (status == RunStatus.COMPLETED) {
            Object output = pluginRun.get().output().map(o -> (Object) o.asMap()).orElse(null);
            return new Look(run.with(current.completed(output, now)), Optional.empty());
        }
        if (status.isTerminal()) {
            String why = pluginRun.get().error().map(Object::toString).orElse("the plugin run was " + status.wireName());
            StepRun failed = current.failed(why, now);
            return new Look(failures.apply(run.with(failed), step, failed, now), Optional.empty());
        }
        return new Look(run, Optional.of(now.plus(settings.checkInterval())));
    }

    /** Every step ended: the run completes with its output template's value, or the last executed step's output. */
    private WorkflowRun finish(WorkflowRun run, Instant now) {
        Object output = null;
        for (StepRun step : run.stepRuns()) {
            if (step.status() == StepRunStatus.COMPLETED) {
                output = step.output();
            } else if (step.status() == StepRunStatus.FAILED) {
                output = null;
            }
        }
        if (run.definition().output().isPresent()) {
            try {
                output = templates.render(run.definition().output().get().asMap(),
                        WorkflowContexts.forStep(run, Integer.MAX_VALUE, settings.env()));
            } catch (DomainException e) {
                return run.failed("the output template failed: " + e.getMessage(), null, now);
            }
        }
        return run.completed(output, now);
    }

    /** What a failed step does to its run: {@link OnError}. */
    static final class StepFailures {
        private final WorkflowSettings settings;

        StepFailures(WorkflowSettings settings) {
            this.settings = settings;
        }

        WorkflowRun apply(WorkflowRun run, WorkflowStep step, StepRun failed, Instant now) {
            if (failed.status() != StepRunStatus.FAILED) {
                return run;
            }
            if (step.onError() == OnError.RETRY && failed.attempt() <= step.maxRetries() && failed.pluginRunId() != null) {
                Instant when = now.plus(settings.retryBackoff().multipliedBy(1L << Math.min(failed.attempt() - 1, 10)));
                return run.with(failed.retryAt(failed.error(), when));
            }
            if (step.onError() == OnError.CONTINUE) {
                return run;
            }
            return run.failed("step " + step.order() + step.name().map(n -> " (" + n + ")").orElse("") + " failed: "
                    + failed.error(), step.order(), now);
        }
    }
}
