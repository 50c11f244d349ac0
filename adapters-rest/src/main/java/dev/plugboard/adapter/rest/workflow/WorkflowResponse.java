package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plugboard.adapter.rest.JsonObject;
import dev.plugboard.domain.workflow.Workflow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * A workflow as the API shows it: the definition in the seed's field names (the same form a client
 * sends to create it), where it is in its life, and how often it ran. A webhook trigger's secret
 * reads {@code (set)}; sending the document back with {@code (set)} keeps it.
 *
 * @param owner      {@code user:<id>} or {@code org:<id>}
 * @param department the department of a {@code DEPARTMENT} workflow; null for the other scopes
 * @param version    increases on every change; send it back as {@code If-Match}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Workflow")
public record WorkflowResponse(String id, String owner, String name, String slug, String description, String scope,
                               @Nullable String department, String triggerType,
                               @JsonObject Map<String, Object> triggerConfig, String status,
                               @JsonProperty("isEnabled") @Schema(name = "isEnabled") boolean enabled,
                               @ArraySchema(schema = @Schema(type = "object",
                                       additionalProperties = Schema.AdditionalPropertiesValue.TRUE))
                               List<Object> steps,
                               @Nullable @JsonObject Map<String, Object> output, long executionCount,
                               @Nullable String lastExecutedAt, @Nullable String lastError, long version,
                               String createdAt, String updatedAt) {

    @SuppressWarnings("unchecked")
    static WorkflowResponse from(Workflow workflow) {
        Map<String, Object> json = workflow.definition().toJson();
        return new WorkflowResponse(workflow.id(), workflow.owner().toString(), (String) json.get("name"),
                workflow.slug(), (String) json.get("description"), (String) json.get("scope"),
                (String) json.get("department"), (String) json.get("triggerType"),
                (Map<String, Object>) json.get("triggerConfig"), workflow.status().wireName(), workflow.enabled(),
                (List<Object>) json.get("steps"), (Map<String, Object>) json.get("output"), workflow.executionCount(),
                time(workflow.lastExecutedAt()), workflow.lastError().orElse(null), workflow.version(),
                time(workflow.createdAt()), time(workflow.updatedAt()));
    }
}
