package dev.plugboard.application.spi;

import dev.plugboard.domain.run.RunError;

/**
 * Thrown by a handler to fail a run with its own code; {@code retryable} false ends the run at
 * once, whatever attempts remain.
 */
public class PluginFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final boolean retryable;

    public PluginFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = new RunError(code, message).code();
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
