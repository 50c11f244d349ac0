package dev.plugboard.domain.time;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plugboard's one duration grammar, for configuration, CLI options, manifests, retention windows and
 * REST parameters alike: whole numbers with a unit, largest unit first ({@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h30m}, {@code 7d}, {@code 2w}), or ISO-8601 ({@code PT30S}, {@code P7D}).
 * Never negative.
 */
public final class Durations {

    /** The accepted forms, in every message that refuses a duration. */
    public static final String ACCEPTED = "write a number and a unit (ms, s, m, h, d, w), several largest first,"
            + " e.g. 30s, 2m, 1h30m or 7d, or ISO-8601 such as PT30S";

    private static final Pattern SHORT = Pattern.compile(
            "^(?:(\\d{1,18})w)?(?:(\\d{1,18})d)?(?:(\\d{1,18})h)?(?:(\\d{1,18})m)?(?:(\\d{1,18})s)?(?:(\\d{1,18})ms)?$");
    private static final Duration[] UNITS = {Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1)};
    private static final String[] NAMES = {"w", "d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /** @throws InvalidValueException naming {@code field} and the value, and saying which forms are accepted */
    public static Duration parse(String field, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration = value.startsWith("p") ? Duration.parse(value) : shortForm(value);
            if (duration != null && !duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // falls through to the one message below
        }
        throw new InvalidValueException(field, text, "not a duration; " + ACCEPTED);
    }

    /** The short form that {@link #parse} reads back as the same duration ({@code 1h30m}); ISO-8601 below a millisecond. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration is never negative: " + duration);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        Duration rest = duration;
        for (int i = 0; i < UNITS.length; i++) {
            long amount = rest.dividedBy(UNITS[i]);
            if (amount > 0) {
                text.append(amount).append(NAMES[i]);
                rest = rest.minus(UNITS[i].multipliedBy(amount));
            }
        }
        return text.toString();
    }

    private static Duration shortForm(String value) {
        Matcher matcher = SHORT.matcher(value);
        if (value.isEmpty() || !matcher.matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < UNITS.length; i++) {
            if (matcher.group(i + 1) != null) {
                total = total.plus(UNITS[i].multipliedBy(Long.parseLong(matcher.group(i + 1))));
            }
        }
        return total;
    }
}
