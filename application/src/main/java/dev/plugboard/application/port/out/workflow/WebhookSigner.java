package dev.plugboard.application.port.out.workflow;

/**
 * HMAC-SHA256 of webhook deliveries with a shared secret: what a sender computes over
 * {@code "<timestamp>.<body>"}, as lower-case hex. Verification compares in constant time.
 */
public interface WebhookSigner {

    /** The hex HMAC-SHA256 of {@code content} keyed with {@code secret} (at least 16 characters). */
    String sign(String secret, byte[] content);

    /** Whether {@code hexSignature} is the HMAC-SHA256 of {@code content} keyed with {@code secret}. */
    boolean verify(String secret, byte[] content, String hexSignature);
}
