package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a workflow. It keeps the definition of the version it started with, so that
 * an edit never changes a run under way, and its step runs, one per step, in order. Immutable;
 * {@code version} is the stored copy's optimistic-locking version.
 *
 * @param triggeredBy  who or what started it: a user id, {@code schedule}, {@code webhook}, {@code event:<type>}
 * @param test         started by test mode with {@code execute=true}: its plugin runs are marked as test runs
 * @param output       the explicit output template's value, or the last executed step's output
 * @param failedStepOrder the step that failed the run, if one did
 */
public record WorkflowRun(String id, String workflowId, Owner owner, long workflowVersion, WorkflowDefinition definition,
                          String triggeredBy, TriggerType triggerType, Map<String, Object> triggerData, boolean test,
                          WorkflowRunStatus status, Object output, String error, Integer failedStepOrder,
                          List<StepRun> stepRuns, Instant createdAt, Instant startedAt, Instant completedAt,
                          long version) {

    public WorkflowRun {
        Require.nonBlank("workflow run id", id);
        Require.nonBlank("workflow id", workflowId);
        Require.present("owner", owner);
        Require.present("definition", definition);
        Require.present("status", status);
        triggerData = triggerData == null ? Map.of() : triggerData;
        stepRuns = List.copyOf(stepRuns);
        Require.present("created at", createdAt);
    }

    /** A new run of {@code workflow}, queued until the engine starts it. */
    public static WorkflowRun queue(String id, Workflow workflow, String triggeredBy, TriggerType type,
                                    Map<String, Object> triggerData, boolean test, Instant now) {
        List<StepRun> steps = workflow.definition().steps().stream().map(step -> StepRun.pending(step.order())).toList();
        return new WorkflowRun(id, workflow.id(), workflow.owner(), workflow.version(), workflow.definition(),
                triggeredBy, type, triggerData, test, WorkflowRunStatus.QUEUED, null, null, null, steps, now, null, null, 0);
    }

    public String slug() {
        return definition.slug();
    }

    /** The step run of the step with this order. */
    public StepRun stepRun(int order) {
        return stepRuns.stream().filter(step -> step.stepOrder() == order).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + order));
    }

    /** The first step that has not ended yet, if any. */
    public Optional<StepRun> current() {
        return stepRuns.stream().filter(step -> !step.status().isFinal()).findFirst();
    }

    public Optional<Duration> duration() {
        return startedAt == null || completedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, completedAt));
    }

    public WorkflowRun with(StepRun changed) {
        List<StepRun> steps = new ArrayList<>(stepRuns);
        steps.replaceAll(step -> step.stepOrder() == changed.stepOrder() ? changed : step);
        return new WorkflowRun(id, workflowId, owner, workflowVersion, definition, triggeredBy, triggerType, triggerData,
                test, status, output, error, failedStepOrder, steps, createdAt, startedAt, completedAt, version);
    }

    public WorkflowRun started(Instant now) {
        return new WorkflowRun(id, workflowId, owner, workflowVersion, definition, triggeredBy, triggerType, triggerData,
                test, WorkflowRunStatus.RUNNING, output, error, failedStepOrder, stepRuns, createdAt, now, completedAt,
                version);
    }

    public WorkflowRun completed(Object result, Instant now) {
        return ended(WorkflowRunStatus.COMPLETED, result, null, null, now);
    }

    public WorkflowRun failed(String why, Integer stepOrder, Instant now) {
        return ended(WorkflowRunStatus.FAILED, null, why, stepOrder, now);
    }

    /** Cancelled: every step that had not ended is marked so. */
    public WorkflowRun cancelled(Instant now) {
        if (status.isFinal()) {
            throw WorkflowException.state(slug(), "run " + id + " is " + status.wireName() + " already");
        }
        List<StepRun> steps = stepRuns.stream().map(step -> step.cancelled(now)).toList();
        return new WorkflowRun(id, workflowId, owner, workflowVersion, definition, triggeredBy, triggerType, triggerData,
                test, WorkflowRunStatus.CANCELLED, null, "cancelled", null, steps, createdAt,
                startedAt == null ? now : startedAt, now, version);
    }

    private WorkflowRun ended(WorkflowRunStatus end, Object result, String why, Integer stepOrder, Instant now) {
        return new WorkflowRun(id, workflowId, owner, workflowVersion, definition, triggeredBy, triggerType, triggerData,
                test, end, result, why, stepOrder, stepRuns, createdAt, startedAt == null ? now : startedAt, now, version);
    }
}
