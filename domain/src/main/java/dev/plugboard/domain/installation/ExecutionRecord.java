package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.Require;

import java.time.Instant;
import java.util.Optional;

/**
 * An installation's execution record: how many runs ended, when the last attempt ended, and the
 * last error (cleared by a success). Immutable.
 */
record ExecutionRecord(long count, Instant lastExecutedAt, String lastError) {

    private static final int MAX_ERROR_LENGTH = 2000;

    static final ExecutionRecord NONE = new ExecutionRecord(0, null, null);

    ExecutionRecord {
        Require.notNegative("execution count", count);
    }

    /** An attempt that did not end its run: when, and why; the count stays. */
    ExecutionRecord attempt(String error, Instant now) {
        return new ExecutionRecord(count, now, trimmed(error));
    }

    ExecutionRecord success(Instant now) {
        return new ExecutionRecord(count + 1, now, null);
    }

    ExecutionRecord failure(String error, Instant now) {
        return new ExecutionRecord(count + 1, now, trimmed(error));
    }

    Optional<Instant> lastExecuted() {
        return Optional.ofNullable(lastExecutedAt);
    }

    Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    private static String trimmed(String error) {
        String trimmed = Require.nonBlank("error", error);
        return trimmed.length() > MAX_ERROR_LENGTH ? trimmed.substring(0, MAX_ERROR_LENGTH) : trimmed;
    }
}
