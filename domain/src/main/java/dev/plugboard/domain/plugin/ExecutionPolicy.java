package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How a plugin's runs execute: where, for how long at most, how they are retried, how long an
 * external run may wait for a worker ({@code startTimeout}, Temporal's schedule-to-start), and how
 * many runs of one owner may execute at once ({@code maxConcurrentPerOwner}, 0 for no limit).
 */
public record ExecutionPolicy(ExecutionMode mode, Duration timeout, RetryPolicy retry, Duration startTimeout,
                              int maxConcurrentPerOwner) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(10);
    /** No per-owner limit: the instance's concurrency is the only bound. */
    public static final int UNLIMITED = 0;
    public static final ExecutionPolicy DEFAULT = new ExecutionPolicy(ExecutionMode.IN_PROCESS, DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);

    public ExecutionPolicy {
        Require.present("execution mode", mode);
        Require.present("retry policy", retry);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidValueException("execution timeout", timeout, "must be more than 0 and at most 1 hour");
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()
                || startTimeout.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidValueException("execution.startTimeout", startTimeout, "must be more than 0 and at most 7 days");
        }
        if (maxConcurrentPerOwner < 0 || maxConcurrentPerOwner > 10_000) {
            throw new InvalidValueException("execution.maxConcurrentPerOwner", maxConcurrentPerOwner,
                    "must be 1 to 10000, or left out for no limit");
        }
    }

    /** With the default start timeout and no per-owner limit. */
    public ExecutionPolicy(ExecutionMode mode, Duration timeout, RetryPolicy retry) {
        this(mode, timeout, retry, DEFAULT_START_TIMEOUT, UNLIMITED);
    }

    /** Runs executed by external workers, with every other setting at its default. */
    public static ExecutionPolicy external() {
        return new ExecutionPolicy(ExecutionMode.EXTERNAL, DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);
    }

    /** The most runs of one owner that may execute at once, if limited. */
    public OptionalInt perOwnerLimit() {
        return maxConcurrentPerOwner == UNLIMITED ? OptionalInt.empty() : OptionalInt.of(maxConcurrentPerOwner);
    }
}
