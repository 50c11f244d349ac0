package dev.plugboard.worker;

import java.time.Duration;

/**
 * Sends a run's outcome, trying again a few times while the server cannot be reached: a finished run
 * should not wait for its lease to run out because of one dropped connection. A lost lease or a refusal
 * ends the attempt at once; if every try fails, the reaper recovers the run when its lease expires.
 */
final class RunReporter {

    private static final System.Logger LOG = System.getLogger(RunReporter.class.getName());

    private final Duration initialWait;
    private final Duration maxWait;
    private final int tries;

    RunReporter(Duration initialWait, Duration maxWait, int tries) {
        this.initialWait = initialWait;
        this.maxWait = maxWait;
        this.tries = tries;
    }

    void report(ClaimedRun run, Runnable call) {
        Backoff backoff = new Backoff(initialWait, maxWait, Math::random);
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (LeaseLostException e) {
                LOG.log(System.Logger.Level.WARNING, "The server took " + run + " back before its result arrived: " + e.getMessage());
                return;
            } catch (WorkerApiException e) {
                if (!e.isTransient() || attempt >= tries) {
                    LOG.log(System.Logger.Level.ERROR, "Could not report the outcome of " + run
                            + "; the reaper will recover it when its lease expires: " + e.getMessage());
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "Reporting " + run + " failed; trying again: " + e.getMessage());
                if (!sleep(e.waitAtLeast(backoff.next(), maxWait))) {
                    return;
                }
            }
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
