package dev.plugboard.domain.circuit;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;

/**
 * When a circuit opens and for how long: after {@code failureThreshold} consecutive failures it
 * stays open for {@code cooldown}, then lets {@code halfOpenTrials} trial runs through; one
 * success closes it, one failure opens it again.
 */
public record CircuitPolicy(int failureThreshold, Duration cooldown, int halfOpenTrials) {

    /** Seed 002's values: plugins are more variable than gateways, so the threshold is tolerant. */
    public static final CircuitPolicy DEFAULT = new CircuitPolicy(10, Duration.ofMinutes(1), 2);

    public CircuitPolicy {
        if (failureThreshold < 1 || failureThreshold > 1000) {
            throw new InvalidValueException("circuit failure threshold", failureThreshold, "must be 1 to 1000");
        }
        if (cooldown == null || cooldown.isNegative() || cooldown.isZero()) {
            throw new InvalidValueException("circuit cooldown", cooldown, "must be more than zero");
        }
        if (halfOpenTrials < 1 || halfOpenTrials > 100) {
            throw new InvalidValueException("circuit half-open trials", halfOpenTrials, "must be 1 to 100");
        }
    }
}
