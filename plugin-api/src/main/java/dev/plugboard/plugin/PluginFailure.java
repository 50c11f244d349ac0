package dev.plugboard.plugin;

import java.util.regex.Pattern;

/**
 * Thrown by a handler to fail a run with its own code; {@code retryable} false ends the run at
 * once, whatever attempts remain.
 */
public class PluginFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    private final String code;
    private final boolean retryable;

    /**
     * @param code      UPPER_SNAKE_CASE, at most 64 characters, such as {@code QUOTA_EXCEEDED}
     * @param message   what went wrong, for people; never put secrets in it
     * @param retryable whether another attempt may succeed
     */
    public PluginFailure(String code, String message, boolean retryable) {
        super(message);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a failure code must be UPPER_SNAKE_CASE (at most 64 characters), not '"
                    + code + "'");
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
