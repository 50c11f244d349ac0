package dev.plugboard.domain.error;

/** The category of a domain error, which adapters map to an HTTP status or a CLI exit code. */
public enum ErrorKind {
    /** A value broke an invariant: the caller sent something malformed. */
    INVALID_INPUT,
    /** Settings failed their plugin's JSON Schema. */
    INVALID_SETTINGS,
    /** The named thing does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The request is well-formed but clashes with the current state. */
    CONFLICT,
    /** The caller wrote with a stale version of an aggregate. */
    CONCURRENCY,
    /** A quota of the caller's plan is used up. */
    LIMIT_EXCEEDED,
    /** The caller may see the thing but not do this to it (a member managing an organization's workflow). */
    FORBIDDEN
}
