package dev.plugboard.worker;

/**
 * 409 {@code lease_lost}: this worker no longer holds the run (its lease expired and the reaper took
 * it back, it was cancelled, or another worker holds it now). Stop working on it; report nothing more.
 */
public class LeaseLostException extends WorkerApiException {

    public LeaseLostException(String runId, String message) {
        super(409, "lease_lost", "run " + runId + ": " + message, null);
    }
}
