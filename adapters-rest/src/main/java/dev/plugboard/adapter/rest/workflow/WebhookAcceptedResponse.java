package dev.plugboard.adapter.rest.workflow;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A webhook delivery accepted: the workflow run it queued.
 *
 * @param workflowRunId the run's id; its owner reads it at {@code GET /api/user/workflow-runs/{id}}
 */
@Serdeable
public record WebhookAcceptedResponse(String workflowRunId) {
}
