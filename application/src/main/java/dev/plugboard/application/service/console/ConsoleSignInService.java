package dev.plugboard.application.service.console;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.out.ConsoleSessionStore;
import dev.plugboard.application.port.out.ConsoleSessionStore.Kind;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.error.Require;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sign-in: 256-bit random secrets, stored as their SHA-256. A link lives
 * {@code linkTtl} and is consumed by its first exchange; a session lives {@code sessionTtl}.
 */
public final class ConsoleSignInService implements ConsoleSignInUseCase {

    private static final int SECRET_BYTES = 32;

    private final ConsoleSessionStore store;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final Duration linkTtl;
    private final Duration sessionTtl;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSignInService(ConsoleSessionStore store, TransactionBoundary transactions, TimeSource clock,
                                Duration linkTtl, Duration sessionTtl) {
        this.store = Require.present("store", store);
        this.transactions = Require.present("transactions", transactions);
        this.clock = Require.present("clock", clock);
        this.linkTtl = Require.present("linkTtl", linkTtl);
        this.sessionTtl = Require.present("sessionTtl", sessionTtl);
    }

    @Override
    public Issued issueLink(ConsoleIdentity identity) {
        return issueFresh(Kind.LINK, identity, linkTtl);
    }

    @Override
    public Optional<Issued> exchange(String linkSecret) {
        if (linkSecret == null || linkSecret.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            return store.takeLink(hash(linkSecret), now).map(identity -> issue(Kind.SESSION, identity, now.plus(sessionTtl)));
        });
    }

    @Override
    public Issued openSession(ConsoleIdentity identity) {
        return issueFresh(Kind.SESSION, identity, sessionTtl);
    }

    /** Issues a secret for {@code identity}, clearing what has expired on the way. */
    private Issued issueFresh(Kind kind, ConsoleIdentity identity, Duration ttl) {
        Require.present("identity", identity);
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            store.deleteExpired(now);
            return issue(kind, identity, now.plus(ttl));
        });
    }

    @Override
    public Optional<ConsoleSession> session(String sessionSecret) {
        if (sessionSecret == null || sessionSecret.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> store.findSession(hash(sessionSecret), clock.now())
                .map(stored -> new ConsoleSession(stored.identity(), stored.expiresAt())));
    }

    @Override
    public void signOut(String sessionSecret) {
        if (sessionSecret != null && !sessionSecret.isBlank()) {
            transactions.inTransaction(() -> store.delete(hash(sessionSecret)));
        }
    }

    private Issued issue(Kind kind, ConsoleIdentity identity, Instant expiresAt) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.save(kind, hash(secret), identity, expiresAt);
        return new Issued(secret, expiresAt);
    }

    /** SHA-256 suffices: the secrets are long random values, so there is nothing to guess or stretch. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
