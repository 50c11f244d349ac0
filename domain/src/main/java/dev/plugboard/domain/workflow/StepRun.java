package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.Require;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a workflow run. Nullable parts: {@code input} until the step is resolved,
 * {@code output}/{@code error} until it ends, {@code conditionValue} for a step without condition,
 * {@code pluginRunId} until its plugin run is queued, {@code retryAt} unless a retry waits.
 *
 * @param attempt how many plugin runs this step has started (retries start more)
 */
public record StepRun(int stepOrder, StepRunStatus status, Map<String, Object> input, Object output, String error,
                      Boolean conditionValue, int attempt, String pluginRunId, Instant startedAt, Instant completedAt,
                      Instant retryAt) {

    public StepRun {
        Require.present("step run status", status);
    }

    public static StepRun pending(int order) {
        return new StepRun(order, StepRunStatus.PENDING, null, null, null, null, 0, null, null, null, null);
    }

    public StepRun skipped(Boolean conditionValue, Instant now) {
        return new StepRun(stepOrder, StepRunStatus.SKIPPED, input, null, null, conditionValue, attempt, null, now, now, null);
    }

    /** The step's condition held and its input was resolved: a new attempt begins. */
    public StepRun resolved(Map<String, Object> resolvedInput, Boolean conditionValue, Instant now) {
        return new StepRun(stepOrder, StepRunStatus.RUNNING, resolvedInput, null, null, conditionValue, attempt + 1, null,
                startedAt == null ? now : startedAt, null, null);
    }

    /** The attempt's plugin run was queued. */
    public StepRun queuedAs(String runId) {
        return new StepRun(stepOrder, status, input, output, error, conditionValue, attempt, runId, startedAt, completedAt,
                null);
    }

    public StepRun completed(Object result, Instant now) {
        return new StepRun(stepOrder, StepRunStatus.COMPLETED, input, result, null, conditionValue, attempt, pluginRunId,
                startedAt, now, null);
    }

    public StepRun failed(String why, Instant now) {
        return new StepRun(stepOrder, StepRunStatus.FAILED, input, null, why, conditionValue, attempt, pluginRunId,
                startedAt == null ? now : startedAt, now, null);
    }

    /** The plugin run failed and the step will start another at {@code when}. */
    public StepRun retryAt(String why, Instant when) {
        return new StepRun(stepOrder, StepRunStatus.RUNNING, input, null, why, conditionValue, attempt, null, startedAt,
                null, when);
    }

    public StepRun cancelled(Instant now) {
        return status.isFinal() ? this : new StepRun(stepOrder, StepRunStatus.FAILED, input, null, "cancelled",
                conditionValue, attempt, pluginRunId, startedAt, now, null);
    }
}
