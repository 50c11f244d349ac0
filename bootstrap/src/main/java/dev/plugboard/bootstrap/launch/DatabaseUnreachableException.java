package dev.plugboard.bootstrap.launch;

/** The configured database cannot be used; the message says which one and what to check. */
public final class DatabaseUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnreachableException(String message) {
        super(message, null, false, false);
    }
}
