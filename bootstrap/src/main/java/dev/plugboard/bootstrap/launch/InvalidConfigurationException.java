package dev.plugboard.bootstrap.launch;

/**
 * A setting is missing or has a value Plugboard cannot use; the message names the setting (and its
 * environment variable), the value and what to write instead. The executable exits with code 2.
 */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message, null, false, false);
    }
}
