package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Manual runs, test mode, and reading and cancelling an owner's workflow runs. */
public final class WorkflowRunService implements RunWorkflowsUseCase {

    private static final int CANCEL_ATTEMPTS = 5;

    private final WorkflowRepository workflows;
    private final WorkflowRunRepository runs;
    private final RunRepository pluginRuns;
    private final WorkflowLauncher launcher;
    private final TestMode testMode;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final Telemetry telemetry;

    WorkflowRunService(WorkflowRepository workflows, WorkflowRunRepository runs, RunRepository pluginRuns,
                       WorkflowLauncher launcher, TestMode testMode, AuditTrail audit, TimeSource clock,
                       Telemetry telemetry) {
        this.telemetry = telemetry;
        this.workflows = workflows;
        this.runs = runs;
        this.pluginRuns = pluginRuns;
        this.launcher = launcher;
        this.testMode = testMode;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WorkflowRun run(WorkflowActor actor, String slug, Map<String, Object> triggerData) {
        return audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_RUN_STARTED, target(actor, slug), () -> {
            Workflow workflow = runnable(actor, slug);
            return launcher.launch(actor.caller().actor(), workflow, "manual:" + actor.caller().actor().id(),
                    TriggerType.MANUAL, triggerData, false);
        });
    }

    @Override
    public TestReport test(WorkflowActor actor, String slug, Map<String, Object> triggerData, boolean execute) {
        Workflow workflow = WorkflowAccess.visible(actor, workflows.find(actor.caller().owner(), slug), slug);
        TestReport preview = testMode.preview(workflow, "test:" + actor.caller().actor().id(),
                triggerData == null ? Map.of() : triggerData, clock.now());
        if (!execute) {
            return preview;
        }
        WorkflowRun run = audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_RUN_STARTED, target(actor, slug),
                () -> launcher.launch(actor.caller().actor(), runnable(actor, slug), "test:" + actor.caller().actor().id(),
                        TriggerType.MANUAL, triggerData, true));
        return new TestReport(preview.steps(), Optional.of(run));
    }

    /** A workflow the actor may run by hand: not paused or archived, and switched on. */
    private Workflow runnable(WorkflowActor actor, String slug) {
        Workflow workflow = WorkflowAccess.visible(actor, workflows.find(actor.caller().owner(), slug), slug);
        if (workflow.status() == WorkflowStatus.PAUSED || workflow.status() == WorkflowStatus.ARCHIVED) {
            throw WorkflowException.state(slug, "is " + workflow.status().wireName() + "; activate it to run it");
        }
        if (!workflow.enabled()) {
            throw WorkflowException.state(slug, "is switched off (isEnabled: false); switch it on to run it");
        }
        return workflow;
    }

    @Override
    public Page<WorkflowRun> runs(WorkflowActor actor, String slug, PageRequest page) {
        Workflow workflow = WorkflowAccess.visible(actor, workflows.find(actor.caller().owner(), slug), slug);
        return runs.list(actor.caller().owner(), workflow.id(), page);
    }

    @Override
    public WorkflowRun getRun(WorkflowActor actor, String runId) {
        WorkflowRun run = runs.find(actor.caller().owner(), runId).orElseThrow(() -> WorkflowException.runNotFound(runId));
        workflows.findById(run.workflowId()).filter(w -> WorkflowAccess.canSee(actor, w))
                .orElseThrow(() -> WorkflowException.runNotFound(runId));
        return run;
    }

    @Override
    public WorkflowRun cancel(WorkflowActor actor, String runId) {
        String target = "workflow-run:" + runId;
        return audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_RUN_CANCELLED, target, () -> {
            Instant now = clock.now();
            WorkflowRun current = getRun(actor, runId);
            WorkflowRun cancelled;
            // The engine may move the run between our read and our write; read again and retry then.
            for (int attempt = 1; ; attempt++) {
                try {
                    cancelled = runs.update(current.cancelled(now), now);
                    break;
                } catch (ConcurrencyConflictException moved) {
                    if (attempt == CANCEL_ATTEMPTS) {
                        throw moved;
                    }
                    current = getRun(actor, runId);
                }
            }
            for (StepRun step : current.stepRuns()) {
                if (!step.status().isFinal() && step.pluginRunId() != null) {
                    pluginRuns.find(current.owner(), RunId.of(UUID.fromString(step.pluginRunId())))
                            .filter(run -> !run.status().isTerminal())
                            .ifPresent(run -> cancelQuietly(run, now));
                }
            }
            workflows.recordExecution(cancelled.workflowId(), now, Optional.of("cancelled"));
            telemetry.workflowRunFinished(cancelled.status());
            audit.success(actor.caller().actor(), AuditAction.WORKFLOW_RUN_CANCELLED, target,
                    JsonDocument.of(Map.of("status", current.status().wireName())),
                    JsonDocument.of(Map.of("status", cancelled.status().wireName())), current.slug());
            return cancelled;
        });
    }

    /** A plugin run that moved meanwhile (its executor finished it) is left as it is: the workflow run is cancelled anyway. */
    private void cancelQuietly(dev.plugboard.domain.run.PluginRun run, Instant now) {
        try {
            telemetry.runFinished(pluginRuns.update(run.cancel(now)));
        } catch (ConcurrencyConflictException finishedMeanwhile) {
            // nothing to undo: the engine never looks at a cancelled workflow run again
        }
    }

    private static String target(WorkflowActor actor, String slug) {
        return "workflow:" + actor.caller().owner() + "/" + slug;
    }
}
