package dev.plugboard.bootstrap.launch;

/**
 * A configuration key or value that Plugboard cannot use: the start stops with this one-line
 * message (exit code 2), which names the key or variable and says what would be right.
 */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message, null, false, false);
    }
}
