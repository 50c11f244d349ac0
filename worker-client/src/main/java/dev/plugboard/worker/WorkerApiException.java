package dev.plugboard.worker;

/**
 * A call to the worker API that did not succeed: {@code status} is the HTTP status (0 when no answer
 * came), {@code code} the problem's code when the server sent one.
 */
public class WorkerApiException extends RuntimeException {

    private final int status;
    private final String code;

    public WorkerApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Worth trying again later: no answer, 408, 429 or a server error. A 4xx otherwise means a mistake to fix. */
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
