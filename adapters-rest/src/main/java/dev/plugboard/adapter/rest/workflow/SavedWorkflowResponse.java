package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.Saved;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A workflow just created or replaced.
 *
 * @param webhookSecret the webhook trigger's signing secret, present only in the answer that
 *                      generated it: keep it, it is never shown again
 */
@Serdeable
@Schema(name = "SavedWorkflow")
public record SavedWorkflowResponse(@JsonUnwrapped WorkflowResponse workflow,
                                    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {

    static SavedWorkflowResponse from(Saved saved) {
        return new SavedWorkflowResponse(WorkflowResponse.from(saved.workflow()), saved.webhookSecret().orElse(null));
    }
}
