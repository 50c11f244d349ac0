package dev.plugboard.worker;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to the worker API that did not succeed: {@code status} is the HTTP status (0 when no answer
 * came), {@code code} the problem's code when the server sent one, {@code retryAfter} how long the
 * server asked to wait (its {@code Retry-After}, on a 429 or 503) when it said.
 */
public class WorkerApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public WorkerApiException(int status, String code, String message, Throwable cause) {
        this(status, code, null, message, cause);
    }

    public WorkerApiException(int status, String code, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The wait the server asked for, if it did: a worker waits at least this long before calling again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The longer of {@code backoff} and the server's {@code Retry-After}, the latter capped at {@code max}
     * (a proxy's hour-long Retry-After must not outlast a run's lease or stall the worker).
     */
    Duration waitAtLeast(Duration backoff, Duration max) {
        if (retryAfter == null) {
            return backoff;
        }
        Duration asked = retryAfter.compareTo(max) > 0 ? max : retryAfter;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /** Worth trying again later: no answer, 408, 429 or a server error. A 4xx otherwise means a mistake to fix. */
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
