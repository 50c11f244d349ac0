package dev.plugboard.adapter.cli.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations ({@code 30m}, {@code 8h}, {@code 7d}, {@code PT1H}) and points in time operators type. */
public final class TimeExpressions {

    private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})\\s*(s|m|h|d|w)$");

    private TimeExpressions() {
    }

    /** @throws IllegalArgumentException saying which forms are accepted */
    public static Duration duration(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30m, 8h, 7d, 2w or PT1H30M");
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
                    + " (2026-03-01T10:00:00Z), a date (2026-03-01) or a time ago (30m, 1h, 7d)");
        }
    }
}
