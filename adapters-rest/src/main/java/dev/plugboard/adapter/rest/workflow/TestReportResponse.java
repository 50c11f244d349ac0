package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.StepPreview;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What test mode found: each step's condition and input as they would be with the sample trigger
 * data, and with {@code execute=true} the real run it queued (marked as a test run).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WorkflowTestReport")
public record TestReportResponse(List<StepPreviewBody> steps, @Nullable WorkflowRunResponse run) {

    /**
     * One step in test mode.
     *
     * @param conditionValue the condition's value; null for a step without a condition (or one that failed)
     * @param wouldRun       whether the step would run: its condition holds, or it has none
     * @param input          the input it would get (any JSON value); null when its templates failed
     * @param error          why its condition or input could not be resolved
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WorkflowStepPreview")
    public record StepPreviewBody(int order, @Nullable String name, String plugin, @Nullable Boolean conditionValue,
                                  boolean wouldRun, @Nullable @Schema(description = "any JSON value") Object input,
                                  @Nullable String error) {

        static StepPreviewBody from(StepPreview step) {
            return new StepPreviewBody(step.order(), step.name().orElse(null), step.plugin(),
                    step.conditionValue().orElse(null), step.wouldRun(), step.input().orElse(null),
                    step.error().orElse(null));
        }
    }

    static TestReportResponse from(TestReport report) {
        return new TestReportResponse(report.steps().stream().map(StepPreviewBody::from).toList(),
                report.run().map(WorkflowRunResponse::from).orElse(null));
    }
}
