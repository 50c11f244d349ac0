package dev.plugboard.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with equal jitter (a wait between half and all of the current step, so that many
 * workers do not knock at the same instant), as the server's own retries do: each {@link #next()} doubles
 * the step up to {@code max}; {@link #reset()} starts again from {@code initial}. Not thread-safe.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private Duration step;

    /** @param random a source of numbers in [0, 1), {@code Math::random} outside tests */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got initial " + initial + ", max " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
        this.step = initial;
    }

    /** The wait before the next try. */
    public Duration next() {
        long millis = step.toMillis();
        long half = millis / 2;
        Duration wait = Duration.ofMillis(half + (long) (random.getAsDouble() * (millis - half + 1)));
        step = step.multipliedBy(2).compareTo(max) > 0 ? max : step.multipliedBy(2);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    public void reset() {
        step = initial;
    }
}
