package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the durations ({@code 30m}, {@code 8h}, {@code 7d}, {@code PT1H}) and points in time operators type. */
public final class TimeExpressions {

    private TimeExpressions() {
    }

    /** Plugboard's one duration grammar ({@link Durations}). @throws IllegalArgumentException saying which forms are accepted */
    public static Duration duration(String text) {
        try {
            return Durations.parse("duration", text);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + Durations.ACCEPTED, e);
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-03-01T10:00:00Z}), a date-time with offset, a date (midnight
     * UTC), or a duration meaning that long before {@code now} ({@code 1h}, {@code 7d}).
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Instant instant(String text, Instant now) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.matches("^\\d{4}-.*")) {
                return value.endsWith("Z") || value.endsWith("z") ? Instant.parse(value.toUpperCase(Locale.ROOT))
                        : OffsetDateTime.parse(value).toInstant();
            }
            Duration ago = duration(value);
            return now.minus(ago);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time; write an ISO-8601 instant"
                    + " (2026-03-01T10:00:00Z), a date (2026-03-01) or a time ago (30m, 1h30m, 7d)");
        }
    }
}
