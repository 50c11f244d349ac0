package dev.plugboard.adapter.isolation;

/** A run that a host could not finish: the code and message the run fails with. */
final class HostFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final boolean retryable;

    HostFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    String code() {
        return code;
    }

    boolean retryable() {
        return retryable;
    }
}
