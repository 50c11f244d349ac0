package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plugboard.adapter.rest.JsonObject;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The JSON form of a workflow a client sends, for the OpenAPI document only: the controllers read
 * the body as a plain object, so that {@code WorkflowDocument} names every bad field itself.
 *
 * @param name          2 to 100 characters
 * @param slug          lower-case words joined by single hyphens, 2 to 50 characters, unique per owner
 * @param scope         USER (default), DEPARTMENT or ORGANIZATION
 * @param department    the department of a DEPARTMENT workflow
 * @param triggerType   MANUAL (default), SCHEDULE, WEBHOOK or EVENT
 * @param triggerConfig SCHEDULE: cron, timezone, misfire; WEBHOOK: methods; EVENT: type and filters
 * @param status        DRAFT (default), ACTIVE, PAUSED or ARCHIVED
 * @param output        an optional template for the run's output
 */
@Schema(name = "WorkflowDocument")
record WorkflowRequest(String name, String slug, @Schema(nullable = true) String description,
                       @Schema(allowableValues = {"USER", "DEPARTMENT", "ORGANIZATION"}, nullable = true) String scope,
                       @Schema(nullable = true) String department,
                       @Schema(allowableValues = {"MANUAL", "SCHEDULE", "WEBHOOK", "EVENT"}, nullable = true)
                       String triggerType,
                       @JsonObject Map<String, Object> triggerConfig,
                       @Schema(allowableValues = {"DRAFT", "ACTIVE", "PAUSED", "ARCHIVED"}, nullable = true) String status,
                       @JsonProperty("isEnabled") @Schema(name = "isEnabled") Boolean enabled, List<StepRequest> steps,
                       @JsonObject Map<String, Object> output) {

    /**
     * One step.
     *
     * @param order        0, 1, 2, ...: unique; steps run in this order
     * @param name         optional; templates read its output as {@code steps.<name>}
     * @param plugin       an installed, enabled plugin of the owner
     * @param inputMapping a JSON template such as {@code {"text": "{{ trigger.data.text }}"}}
     * @param config       static settings merged over the installation's for this step's runs
     * @param condition    {@code {"if": "<CEL expression>"}}; a false value skips the step
     * @param onError      stop (default), continue or retry
     * @param maxRetries   for retry: 0 to 10 (default 3)
     */
    @Schema(name = "WorkflowStepDocument")
    record StepRequest(int order, @Schema(nullable = true) String name, String plugin,
                       @JsonObject Map<String, Object> inputMapping, @JsonObject Map<String, Object> config,
                       @JsonObject Map<String, Object> condition,
                       @Schema(allowableValues = {"stop", "continue", "retry"}, nullable = true) String onError,
                       Integer maxRetries) {
    }
}
