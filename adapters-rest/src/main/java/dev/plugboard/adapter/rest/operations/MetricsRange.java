package dev.plugboard.adapter.rest.operations;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The {@code from} and {@code to} query parameters: ISO-8601 whole hours, by default the last 24 complete hours. */
record MetricsRange(Instant from, Instant to) {

    static MetricsRange of(String from, String to, Clock clock) {
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.HOURS) : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : instant("from", from);
        return new MetricsRange(start, end);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, text, "must be an ISO-8601 instant on a whole hour such as 2026-01-31T12:00:00Z");
        }
    }
}
