package dev.plugboard.application.port.out;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sign-in links and sessions, keyed by the hash of their secret (the secret itself is
 * never stored). A link is taken at most once, even by two instances at the same moment.
 */
public interface ConsoleSessionStore {

    enum Kind { LINK, SESSION }

    void save(Kind kind, String secretHash, ConsoleIdentity identity, Instant expiresAt);

    /** Removes the link and returns its identity when it exists and has not expired at {@code now}. */
    Optional<ConsoleIdentity> takeLink(String secretHash, Instant now);

    /** The session's identity and end, when it exists and has not expired at {@code now}. */
    Optional<Stored> findSession(String secretHash, Instant now);

    void delete(String secretHash);

    /** Removes every link and session that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    record Stored(ConsoleIdentity identity, Instant expiresAt) {
    }
}
