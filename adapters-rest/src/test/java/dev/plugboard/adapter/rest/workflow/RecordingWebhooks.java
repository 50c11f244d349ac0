package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDocument;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the webhook use case in {@link WebhookEndpointTest}: records what the endpoint hands
 * over, and refuses a delivery signed {@code sha256=bad} the way the real one refuses a bad signature.
 * The real checks run in the full-stack suites; this one looks only at the HTTP side.
 */
@Singleton
@Requires(env = WebhookEndpointTest.ENVIRONMENT)
final class RecordingWebhooks implements ReceiveWebhookUseCase {

    final List<Delivery> received = new CopyOnWriteArrayList<>();

    @Override
    public WorkflowRun receive(Delivery delivery) {
        if (delivery.signature().filter("sha256=bad"::equals).isPresent()) {
            throw new WebhookRefusedException(Refusal.SIGNATURE, "the signature does not match");
        }
        received.add(delivery);
        Workflow workflow = Workflow.create(delivery.workflowId(), Owner.user("alice"),
                WorkflowDocument.read(Map.of("name", "Hook", "slug", "hook", "description", "",
                        "steps", List.of(Map.of("order", 0, "plugin", "notes")))).definition(),
                WorkflowStatus.ACTIVE, true, Instant.now());
        return WorkflowRun.queue(UUID.randomUUID().toString(), workflow, "webhook", TriggerType.WEBHOOK, Map.of(), false,
                Instant.now());
    }
}
