package dev.plugboard.adapter.secrets;

/** The secrets key is missing, unreadable or cannot be changed; the message says what to set or do. */
public final class SecretsKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SecretsKeyException(String message) {
        super(message);
    }
}
