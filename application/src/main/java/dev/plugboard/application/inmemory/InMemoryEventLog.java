package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.domain.owner.Owner;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Seen event keys in memory. */
public final class InMemoryEventLog implements EventLog, Snapshotting {

    private record Key(Owner owner, String idempotencyKey) {
    }

    private Set<Key> seen = new HashSet<>();

    @Override
    public synchronized boolean firstSighting(Owner owner, String idempotencyKey, String type, Instant now) {
        return seen.add(new Key(owner, idempotencyKey));
    }

    @Override
    public synchronized Object snapshot() {
        return new HashSet<>(seen);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        seen = new HashSet<>((Set<Key>) snapshot);
    }
}
