package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.util.regex.Pattern;

/** Why a run failed: a stable upper-case code (such as {@code TIMEOUT}) and a message for people. */
public record RunError(String code, String message) {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final int MAX_MESSAGE = 4000;

    public RunError {
        code = Require.nonBlank("error code", code);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("error code", code, "use UPPER_SNAKE_CASE, e.g. 'TIMEOUT' (at most 64 characters)");
        }
        message = message == null || message.isBlank() ? code : message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
