package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.domain.owner.Owner;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Known users and organizations, in memory. */
public final class InMemoryOwnerDirectory implements OwnerDirectory, Snapshotting {

    private Set<Owner> owners = new HashSet<>();

    @Override
    public synchronized void ensureExists(Owner owner, Instant now) {
        owners.add(owner);
    }

    public synchronized boolean knows(Owner owner) {
        return owners.contains(owner);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashSet<>(owners);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        owners = new HashSet<>((Set<Owner>) snapshot);
    }
}
