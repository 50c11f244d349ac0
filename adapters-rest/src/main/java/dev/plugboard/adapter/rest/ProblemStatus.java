package dev.plugboard.adapter.rest;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

/**
 * The HTTP status and problem title for each kind of domain error, so every controller answers
 * the same error the same way.
 */
public enum ProblemStatus {
    BAD_REQUEST(400, "Bad request"),
    FORBIDDEN(403, "Plan limit reached"),
    NOT_ALLOWED(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    UNPROCESSABLE(422, "Invalid settings");

    private final int code;
    private final String title;

    ProblemStatus(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    /**
     * The status for an error. A stale write is a 409 here; a request that carried
     * {@code If-Match} turns it into 412 with {@link #forConditionalRequest}.
     */
    public static ProblemStatus of(DomainException error) {
        return of(error.kind());
    }

    public static ProblemStatus of(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> BAD_REQUEST;
            case INVALID_SETTINGS -> UNPROCESSABLE;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT, CONCURRENCY -> CONFLICT;
            case LIMIT_EXCEEDED -> FORBIDDEN;
            case FORBIDDEN -> NOT_ALLOWED;
        };
    }

    /** For a request with {@code If-Match}: a stale version is a failed precondition. */
    public static ProblemStatus forConditionalRequest(DomainException error) {
        return error.kind() == ErrorKind.CONCURRENCY ? PRECONDITION_FAILED : of(error);
    }
}
