package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.out.ConsoleSessionStore;
import dev.plugboard.application.port.out.ConsoleSessionStore.Kind;
import dev.plugboard.domain.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConsoleSessionStore} must do; a subclass says how to get a fresh, empty one,
 * and the same assertions run in memory and on PostgreSQL.
 */
public abstract class ConsoleSessionStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    private static final String LINK = "a".repeat(64);
    private static final String SESSION = "b".repeat(64);
    private static final ConsoleIdentity ALICE = new ConsoleIdentity("alice", Optional.of("acme"), Set.of(Role.ADMIN));

    protected ConsoleSessionStore store;

    /** A fresh store holding no link and no session. */
    protected abstract ConsoleSessionStore newStore();

    @BeforeEach
    void fresh() {
        store = newStore();
    }

    @Test
    void givenALink_takeLink_returnsItsIdentityOnceAndOnlyBeforeItExpires() {
        store.save(Kind.LINK, LINK, ALICE, T0.plusSeconds(300));

        assertThat(store.takeLink(LINK, T0.plusSeconds(300))).as("expired at its end").isEmpty();
        assertThat(store.takeLink(LINK, T0.plusSeconds(299))).contains(ALICE);
        assertThat(store.takeLink(LINK, T0.plusSeconds(1))).as("taken already").isEmpty();
    }

    @Test
    void givenASession_itIsNeitherALinkNorFoundAfterItEndsOrIsDeleted() {
        store.save(Kind.SESSION, SESSION, ALICE, T0.plusSeconds(60));

        assertThat(store.takeLink(SESSION, T0)).as("a session cannot be taken as a link").isEmpty();
        assertThat(store.findSession(SESSION, T0)).contains(new ConsoleSessionStore.Stored(ALICE, T0.plusSeconds(60)));
        assertThat(store.findSession(SESSION, T0.plusSeconds(60))).isEmpty();
        store.delete(SESSION);
        assertThat(store.findSession(SESSION, T0)).isEmpty();
    }

    @Test
    void givenExpiredAndLiveEntries_deleteExpired_removesOnlyTheExpired() {
        store.save(Kind.LINK, LINK, ALICE, T0);
        store.save(Kind.SESSION, SESSION, new ConsoleIdentity("bob", Optional.empty(), Set.of()), T0.plusSeconds(60));

        assertThat(store.deleteExpired(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.findSession(SESSION, T0.plusSeconds(1))).isPresent();
    }
}
