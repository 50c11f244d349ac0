package dev.plugboard.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A handler's report that an attempt failed, with a stable {@code UPPER_SNAKE_CASE} code. With
 * {@code retryable} false the run fails at once; otherwise the plugin's retry policy decides.
 */
public class RunFailure extends Exception {

    /** The server's rule for error codes; a code it would refuse is refused here, where the mistake is. */
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    private final String code;
    private final boolean retryable;

    public RunFailure(String code, String message, boolean retryable) {
        super(message);
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("invalid error code '" + code
                    + "': use UPPER_SNAKE_CASE, e.g. 'UPSTREAM_TIMEOUT' (at most 64 characters)");
        }
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
