package dev.plugboard.application.port.out;

import dev.plugboard.domain.owner.Owner;

import java.time.Instant;

/** Users and organizations, provisioned the first time they are seen. */
public interface OwnerDirectory {

    /** Records the owner if it is new; does nothing if it is known. */
    void ensureExists(Owner owner, Instant now);

    /**
     * Records the owner if it is new and holds it until the current transaction ends, so that
     * decisions about everything an owner has (one more installation within the plan limit) are taken
     * one at a time, not by concurrent requests that each counted before the other wrote.
     * The default suits a store whose transactions run one at a time (the in-memory one).
     */
    default void lockForChanges(Owner owner, Instant now) {
        ensureExists(owner, now);
    }
}
