package dev.plugboard.adapter.persistence.embedded;

/** The embedded PostgreSQL could not be started or reached; the message says why and what to do. */
public final class EmbeddedDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
