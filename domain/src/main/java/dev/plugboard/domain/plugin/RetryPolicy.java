package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;
import java.util.Set;

/**
 * How a failed run is tried again: at most {@code maxAttempts} tries, waiting an exponentially
 * growing, jittered backoff between them; error codes in {@code nonRetryableCodes} end the run at once.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          Set<String> nonRetryableCodes) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0,
            Set.of("INVALID_INPUT", "INVALID_SETTINGS", "PLUGIN_CIRCUIT_OPEN"));

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Set.of());

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidValueException("retry maxAttempts", maxAttempts, "must be 1 to 20");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidValueException("retry backoff", initialBackoff + ".." + maxBackoff,
                    "initial backoff must be zero or more and not above the maximum backoff");
        }
        if (multiplier < 1.0 || multiplier > 10.0) {
            throw new InvalidValueException("retry multiplier", multiplier, "must be 1.0 to 10.0");
        }
        nonRetryableCodes = Set.copyOf(nonRetryableCodes);
    }

    public boolean isRetryable(String errorCode) {
        return !nonRetryableCodes.contains(errorCode);
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 or more), without jitter; the executor adds
     * jitter so that many retries do not land at once.
     */
    public Duration backoffBefore(int nextAttempt) {
        double factor = Math.pow(multiplier, Math.max(0, nextAttempt - 2));
        double millis = Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        return Duration.ofMillis((long) millis);
    }
}
