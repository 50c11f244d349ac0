package dev.plugboard.application.port.out;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The clock use cases read; times are truncated to microseconds, the precision PostgreSQL stores. */
@FunctionalInterface
public interface TimeSource {

    Instant now();

    static TimeSource system() {
        return of(Clock.systemUTC());
    }

    static TimeSource of(Clock clock) {
        return () -> clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
