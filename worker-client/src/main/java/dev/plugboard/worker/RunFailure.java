package dev.plugboard.worker;

import java.util.Objects;

/**
 * A handler's report that an attempt failed, with a stable {@code UPPER_SNAKE_CASE} code. With
 * {@code retryable} false the run fails at once; otherwise the plugin's retry policy decides.
 */
public class RunFailure extends Exception {

    private final String code;
    private final boolean retryable;

    public RunFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
