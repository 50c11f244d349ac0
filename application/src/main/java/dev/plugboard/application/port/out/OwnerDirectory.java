package dev.plugboard.application.port.out;

import dev.plugboard.domain.owner.Owner;

import java.time.Instant;

/** Users and organizations, provisioned the first time they are seen. */
public interface OwnerDirectory {

    /** Records the owner if it is new; does nothing if it is known. */
    void ensureExists(Owner owner, Instant now);
}
