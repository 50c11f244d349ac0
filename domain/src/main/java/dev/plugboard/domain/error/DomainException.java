package dev.plugboard.domain.error;

import java.util.Map;

/**
 * Base of every error the domain and the use cases raise; carries data, not just text, so
 * adapters can map it without parsing messages.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** The category adapters map to a status or exit code. */
    public abstract ErrorKind kind();

    /** A stable, machine-readable code such as {@code plugin_not_found}. */
    public abstract String code();

    /** The data behind the message (which plugin, which field, which limit). */
    public abstract Map<String, Object> details();
}
