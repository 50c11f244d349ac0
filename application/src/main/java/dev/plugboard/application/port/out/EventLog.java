package dev.plugboard.application.port.out;

import dev.plugboard.domain.owner.Owner;

import java.time.Instant;

/** Remembers the idempotency keys of events already fanned out, per owner. */
public interface EventLog {

    /** Records the key; false when the owner's event with this key was seen before. */
    boolean firstSighting(Owner owner, String idempotencyKey, String type, Instant now);
}
