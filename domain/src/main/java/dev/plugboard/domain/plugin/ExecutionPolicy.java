package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.time.Duration;

/** How a plugin's runs execute: where, for how long at most, and how they are retried. */
public record ExecutionPolicy(ExecutionMode mode, Duration timeout, RetryPolicy retry) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final ExecutionPolicy DEFAULT = new ExecutionPolicy(ExecutionMode.IN_PROCESS, DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);

    public ExecutionPolicy {
        Require.present("execution mode", mode);
        Require.present("retry policy", retry);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidValueException("execution timeout", timeout, "must be more than 0 and at most 1 hour");
        }
    }
}
