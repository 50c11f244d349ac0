package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.application.port.out.workflow.WebhookSigner;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowRun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a webhook delivery before anything runs: the workflow exists and listens to webhooks, the
 * method is allowed, the body is small enough, the timestamp is recent and the HMAC-SHA256 signature
 * over {@code "<timestamp>.<body>"} matches (compared in constant time). A signature is accepted once;
 * the delivery is recorded in the same transaction as the run it queues.
 */
public final class WebhookService implements ReceiveWebhookUseCase {

    private final WorkflowRepository workflows;
    private final TriggerLedger ledger;
    private final WorkflowSecrets secrets;
    private final WorkflowLauncher launcher;
    private final AuditTrail audit;
    private final WorkflowSettings settings;
    private final TimeSource clock;
    private final WebhookSigner signer;

    WebhookService(WorkflowRepository workflows, TriggerLedger ledger, WorkflowSecrets secrets, WorkflowLauncher launcher,
                   AuditTrail audit, WorkflowSettings settings, TimeSource clock, WebhookSigner signer) {
        this.signer = signer;
        this.workflows = workflows;
        this.ledger = ledger;
        this.secrets = secrets;
        this.launcher = launcher;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public WorkflowRun receive(Delivery delivery) {
        Workflow workflow = live(delivery.workflowId());
        Object configured = workflow.definition().triggerConfig().get("methods").orElse(List.of("POST"));
        if (!(configured instanceof List<?> methods) || !methods.contains(delivery.method())) {
            throw new WebhookRefusedException(Refusal.METHOD, "this webhook accepts " + configured + ", not " + delivery.method());
        }
        if (delivery.body().length > settings.maxWebhookBodyBytes()) {
            throw new WebhookRefusedException(Refusal.TOO_LARGE, "the body has " + delivery.body().length
                    + " bytes; at most " + settings.maxWebhookBodyBytes() + " are accepted");
        }
        String timestamp = delivery.timestamp().map(String::strip).orElseThrow(() -> new WebhookRefusedException(
                Refusal.SIGNATURE, "send the Unix time in " + TIMESTAMP_HEADER + " and the signature in " + SIGNATURE_HEADER));
        Instant signedAt = signedAt(timestamp);
        Instant now = clock.now();
        if (Duration.between(signedAt, now).abs().compareTo(settings.webhookTolerance()) > 0) {
            throw new WebhookRefusedException(Refusal.STALE, "the timestamp " + timestamp + " is more than "
                    + settings.webhookTolerance().toSeconds() + " s from the server's time; sign each delivery when you send it");
        }
        String given = delivery.signature().map(String::strip).orElse("");
        String hex = given.startsWith("sha256=") ? given.substring("sha256=".length()) : "";
        if (!signer.verify(secrets.open(workflow).orElseThrow(), signed(timestamp, delivery.body()), hex)) {
            throw new WebhookRefusedException(Refusal.SIGNATURE, "the signature does not match; send "
                    + SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\" with the webhook's secret>");
        }
        JsonDocument data = body(delivery.body());
        return audit.perform(Actor.system(), AuditAction.WORKFLOW_RUN_STARTED, "workflow:" + workflow.owner() + "/"
                + workflow.slug(), () -> {
            if (!ledger.firstDelivery(workflow.id(), hex.toLowerCase(java.util.Locale.ROOT), now)) {
                throw new WebhookRefusedException(Refusal.REPLAY, "this delivery was received before; sign each "
                        + "delivery with a fresh timestamp");
            }
            return launcher.launch(Actor.system(), workflow, "webhook", TriggerType.WEBHOOK, data.asMap(), false);
        });
    }

    private Workflow live(String id) {
        try {
            java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return workflows.findById(id).filter(w -> w.definition().triggerType() == TriggerType.WEBHOOK)
                .filter(Workflow::isLive).orElseThrow(WebhookService::notFound);
    }

    private static WebhookRefusedException notFound() {
        return new WebhookRefusedException(Refusal.NOT_FOUND, "no active webhook workflow here");
    }

    private static Instant signedAt(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new WebhookRefusedException(Refusal.STALE, TIMESTAMP_HEADER + " must be Unix time in seconds, not '"
                    + (timestamp.length() > 20 ? timestamp.substring(0, 20) + "..." : timestamp) + "'");
        }
    }

    /** What a sender signs: {@code "<timestamp>.<body>"}. */
    public static byte[] signed(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static JsonDocument body(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return JsonDocument.empty();
        }
        try {
            return JsonDocument.parse(text);
        } catch (InvalidValueException e) {
            throw new WebhookRefusedException(Refusal.BODY, "the body must be a JSON object: " + e.rule());
        }
    }
}
