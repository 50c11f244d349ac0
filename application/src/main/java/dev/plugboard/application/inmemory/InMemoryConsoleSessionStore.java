package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.out.ConsoleSessionStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Console links and sessions in a map, by the hash of their secret; a link is removed as it is taken. */
public final class InMemoryConsoleSessionStore implements ConsoleSessionStore {

    private record Entry(Kind kind, ConsoleIdentity identity, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void save(Kind kind, String secretHash, ConsoleIdentity identity, Instant expiresAt) {
        entries.put(secretHash, new Entry(kind, identity, expiresAt));
    }

    @Override
    public Optional<ConsoleIdentity> takeLink(String secretHash, Instant now) {
        Entry[] taken = new Entry[1];
        entries.computeIfPresent(secretHash, (hash, entry) -> {
            if (entry.kind() == Kind.LINK && entry.expiresAt().isAfter(now)) {
                taken[0] = entry;
                return null;
            }
            return entry;
        });
        return Optional.ofNullable(taken[0]).map(Entry::identity);
    }

    @Override
    public Optional<Stored> findSession(String secretHash, Instant now) {
        return Optional.ofNullable(entries.get(secretHash))
                .filter(entry -> entry.kind() == Kind.SESSION && entry.expiresAt().isAfter(now))
                .map(entry -> new Stored(entry.identity(), entry.expiresAt()));
    }

    @Override
    public void delete(String secretHash) {
        entries.remove(secretHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        return before - entries.size();
    }
}
