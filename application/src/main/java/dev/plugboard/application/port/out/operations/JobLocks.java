package dev.plugboard.application.port.out.operations;

/** Locks that let exactly one instance run a background job's step at a time. */
public interface JobLocks {

    /**
     * Takes the lock named {@code job} without waiting, for the rest of the current transaction.
     *
     * @return false when another instance holds it
     */
    boolean tryLock(String job);
}
