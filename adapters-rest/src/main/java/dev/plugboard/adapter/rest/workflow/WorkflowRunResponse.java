package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.adapter.rest.JsonObject;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.WorkflowRun;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * One run of a workflow, with one step run per step, in order.
 *
 * @param workflow        the workflow's slug
 * @param workflowVersion the workflow's version the run started with; later edits never change a run
 * @param triggeredBy     a user id, {@code schedule}, {@code webhook} or {@code event:<type>}
 * @param test            started by test mode with {@code execute=true}
 * @param status          queued, running, completed, failed or cancelled
 * @param output          the output template's value, or the last executed step's output: any JSON value
 * @param failedStepOrder the step that failed the run, if one did
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WorkflowRun")
public record WorkflowRunResponse(String id, String workflowId, String workflow, long workflowVersion,
                                  String triggeredBy, @Nullable String triggerType,
                                  @JsonObject Map<String, Object> triggerData, boolean test, String status,
                                  @Nullable @Schema(description = "any JSON value") Object output,
                                  @Nullable String error, @Nullable Integer failedStepOrder,
                                  @Nullable String startedAt, @Nullable String completedAt, @Nullable Long durationMs,
                                  String createdAt, List<StepRunBody> stepRuns) {

    /**
     * One step of the run.
     *
     * @param status         pending, running, completed, failed or skipped
     * @param input          the resolved input, once the step started
     * @param conditionValue the value of the step's condition, when it has one and it was evaluated
     * @param attempt        how many plugin runs the step started (retries start more)
     * @param pluginRunId    the plugin run executing it: {@code GET /api/user/runs/{id}}
     * @param retryAt        when a waiting retry starts
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "StepRun")
    public record StepRunBody(int stepOrder, String status, @Nullable @JsonObject Map<String, Object> input,
                              @Nullable @Schema(description = "any JSON value") Object output, @Nullable String error,
                              @Nullable Boolean conditionValue, int attempt, @Nullable String pluginRunId,
                              @Nullable String startedAt, @Nullable String completedAt, @Nullable String retryAt) {

        static StepRunBody from(StepRun step) {
            return new StepRunBody(step.stepOrder(), step.status().wireName(), step.input(), step.output(), step.error(),
                    step.conditionValue(), step.attempt(), step.pluginRunId(), time(step.startedAt()),
                    time(step.completedAt()), time(step.retryAt()));
        }
    }

    static WorkflowRunResponse from(WorkflowRun run) {
        return new WorkflowRunResponse(run.id(), run.workflowId(), run.slug(), run.workflowVersion(), run.triggeredBy(),
                run.triggerType() == null ? null : run.triggerType().wireName(), run.triggerData(), run.test(),
                run.status().wireName(), run.output(), run.error(), run.failedStepOrder(), time(run.startedAt()),
                time(run.completedAt()), run.duration().map(java.time.Duration::toMillis).orElse(null),
                time(run.createdAt()), run.stepRuns().stream().map(StepRunBody::from).toList());
    }
}
