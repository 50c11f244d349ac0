package dev.plugboard.adapter.outbound;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;

/**
 * The operator's limits for outbound requests ({@code plugboard.outbound.*}).
 *
 * @param allow            comma-separated CIDR blocks, addresses or host names the guard lets through
 *                         although they are internal; blank for none
 * @param maxRedirects     how many redirects a request may follow (0 to 20)
 * @param maxResponseBytes the largest response body read, after decompression
 * @param connectTimeout   the longest wait for a connection
 * @param readTimeout      the longest silence while reading or writing
 * @param callTimeout      the longest whole exchange, redirects included; a plugin may ask for less
 */
public record OutboundPolicy(String allow, int maxRedirects, long maxResponseBytes, Duration connectTimeout,
                             Duration readTimeout, Duration callTimeout) {

    /** The setting that opens exceptions (environment variable {@code PLUGBOARD_OUTBOUND_ALLOW}). */
    public static final String ALLOW = "plugboard.outbound.allow";

    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public OutboundPolicy {
        allow = allow == null ? "" : allow.strip();
        AllowList.parse(allow); // fails now, at start-up, naming the bad entry
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new InvalidValueException("plugboard.outbound.max-redirects", maxRedirects, "must be 0 to 20");
        }
        if (maxResponseBytes < 1) {
            throw new InvalidValueException("plugboard.outbound.max-response-bytes", maxResponseBytes, "must be at least 1");
        }
        positive("plugboard.outbound.connect-timeout", connectTimeout);
        positive("plugboard.outbound.read-timeout", readTimeout);
        positive("plugboard.outbound.call-timeout", callTimeout);
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidValueException(setting, value, "must be a positive duration such as 10s");
        }
    }

    /** Nothing internal allowed, default limits. */
    public static OutboundPolicy defaults() {
        return new OutboundPolicy("", DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * For embedding without a framework: the default limits, with the allow list from the system
     * property {@code plugboard.outbound.allow} or else the variable {@code PLUGBOARD_OUTBOUND_ALLOW}.
     */
    public static OutboundPolicy fromSystem() {
        String allow = System.getProperty(ALLOW, System.getenv("PLUGBOARD_OUTBOUND_ALLOW"));
        return defaults().withAllow(allow);
    }

    public OutboundPolicy withAllow(String entries) {
        return new OutboundPolicy(entries, maxRedirects, maxResponseBytes, connectTimeout, readTimeout, callTimeout);
    }

    public OutboundPolicy withMaxResponseBytes(long bytes) {
        return new OutboundPolicy(allow, maxRedirects, bytes, connectTimeout, readTimeout, callTimeout);
    }

    public OutboundPolicy withMaxRedirects(int redirects) {
        return new OutboundPolicy(allow, redirects, maxResponseBytes, connectTimeout, readTimeout, callTimeout);
    }
}
