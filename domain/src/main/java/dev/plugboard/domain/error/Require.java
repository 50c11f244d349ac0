package dev.plugboard.domain.error;

import java.util.Objects;
import java.util.regex.Pattern;

/** Small guards that turn a broken invariant into an {@link InvalidValueException} naming the field. */
public final class Require {

    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required");
        }
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "must not be blank");
        }
        return noNul(field, value).strip();
    }

    /**
     * Refuses the NUL character (U+0000), which PostgreSQL can store neither in text nor in jsonb. The
     * value is not repeated in the message: it may be a secret.
     */
    public static String noNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidValueException(field, "(text with U+0000 at index " + value.indexOf('\u0000') + ")",
                    "must not contain the NUL character U+0000; remove it");
        }
        return value;
    }

    public static String length(String field, String value, int min, int max) {
        Objects.requireNonNull(value, field);
        noNul(field, value);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidValueException(field, value,
                    "must be " + min + " to " + max + " characters long (was " + length + ")");
        }
        return value;
    }

    public static String matches(String field, String value, Pattern pattern, String explanation) {
        noNul(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(field, value, explanation);
        }
        return value;
    }

    public static long notNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidValueException(field, value, "must not be negative");
        }
        return value;
    }
}
