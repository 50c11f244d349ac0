package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt gets another one, and when: the plugin's retry policy (the
 * error is retryable, its code not listed as never retried, attempts remain), with an
 * exponential backoff spread by equal jitter.
 */
public final class RetryScheduler {

    private final PluginRepository plugins;
    private final DoubleSupplier random;

    public RetryScheduler(PluginRepository plugins, DoubleSupplier random) {
        this.plugins = plugins;
        this.random = random;
    }

    /** When the next attempt of {@code run} is due, or empty when the run fails for good. */
    public Optional<Instant> nextAttempt(PluginRun run, RunError error, boolean retryable, Instant now) {
        RetryPolicy retry = plugins.find(run.plugin()).map(Plugin::manifest).map(m -> m.execution().retry())
                .orElse(RetryPolicy.NONE);
        if (!retryable || !retry.isRetryable(error.code()) || run.attempt() >= retry.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(jittered(retry.backoffBefore(run.attempt() + 1))));
    }

    /** Equal jitter: between half and all of the backoff, so retries of many runs spread out. */
    private Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + (long) (random.getAsDouble() * (millis - millis / 2)));
    }
}
