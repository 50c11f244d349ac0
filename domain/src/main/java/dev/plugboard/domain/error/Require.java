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
        return value.strip();
    }

    public static String length(String field, String value, int min, int max) {
        Objects.requireNonNull(value, field);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidValueException(field, value,
                    "must be " + min + " to " + max + " characters long (was " + length + ")");
        }
        return value;
    }

    public static String matches(String field, String value, Pattern pattern, String explanation) {
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
