package dev.plugboard.application.port.in.workflow;

import dev.plugboard.domain.workflow.WorkflowRun;

import java.util.Optional;

/**
 * A delivery to a workflow's webhook: checked (method, size, HMAC-SHA256 signature over
 * {@code "<timestamp>.<body>"} with the trigger's secret, timestamp within the tolerance, never seen
 * before) and, when it passes, a queued run with the JSON body as trigger data. Nothing runs on a
 * refused delivery.
 */
public interface ReceiveWebhookUseCase {

    /** The signature header: {@code sha256=<hex>}. */
    String SIGNATURE_HEADER = "X-Plugboard-Signature";
    /** The timestamp header: Unix seconds, signed with the body. */
    String TIMESTAMP_HEADER = "X-Plugboard-Timestamp";

    record Delivery(String workflowId, String method, Optional<String> timestamp, Optional<String> signature,
                    byte[] body) {
    }

    WorkflowRun receive(Delivery delivery);

    /** Why a delivery was refused; adapters map it to a status (401, 404, 405, 413, 400). */
    enum Refusal { NOT_FOUND, METHOD, TOO_LARGE, SIGNATURE, REPLAY, STALE, BODY }

    /** A refused delivery; the message says what to fix, never the secret. */
    final class WebhookRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        public WebhookRefusedException(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
