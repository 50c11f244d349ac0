package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.WorkflowDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * One workflow with what its trigger will do next: what {@code GET /api/user/workflows/{slug}} answers.
 *
 * @param nextFireTimes the next times a schedule fires (ISO-8601, UTC); empty for other triggers
 * @param schedule      the schedule in words, for a schedule trigger
 * @param webhookUrl    where a webhook trigger receives deliveries, for a webhook trigger
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WorkflowDetails")
public record WorkflowDetailsResponse(@JsonUnwrapped WorkflowResponse workflow, List<String> nextFireTimes,
                                      @Nullable String schedule, @Nullable String webhookUrl) {

    /** The details, with the webhook's path made absolute against {@code baseUrl} when one is known. */
    static WorkflowDetailsResponse from(WorkflowDetails details, @Nullable String baseUrl) {
        return new WorkflowDetailsResponse(WorkflowResponse.from(details.workflow()),
                details.nextFireTimes().stream().map(instant -> time(instant)).toList(),
                details.schedule().orElse(null),
                details.webhookPath().map(path -> baseUrl == null || path.startsWith("http") ? path : baseUrl + path)
                        .orElse(null));
    }
}
