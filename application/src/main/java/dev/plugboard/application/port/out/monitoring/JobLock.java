package dev.plugboard.application.port.out.monitoring;

/** Lets one instance at a time run a periodic job (a PostgreSQL advisory lock held until the transaction ends). */
public interface JobLock {

    /** Within the current transaction: true when this instance holds the job's lock until the transaction ends. */
    boolean tryHold(String job);

    /** For a single process: always holds. */
    static JobLock alone() {
        return job -> true;
    }
}
