package dev.plugboard.application.port.in.console;

import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signing in to the web console: with the embedded default an operator issues a one-time link and
 * the browser exchanges it for a session; with an OpenID provider the console opens the session
 * itself once the provider vouched for the user. Every request presents that session. Links and
 * sessions are random secrets that are stored only as hashes.
 */
public interface ConsoleSignInUseCase {

    /**
     * Who a console session stands for: a user, the organization they may act for, and the roles
     * the operator gave the link.
     */
    record ConsoleIdentity(String user, Optional<String> organization, Set<Role> roles) {
        public ConsoleIdentity {
            user = Owner.user(Require.nonBlank("user", user)).id();
            organization = organization == null ? Optional.empty()
                    : organization.filter(o -> !o.isBlank()).map(o -> Owner.organization(o).id());
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** A secret handed out once (a link's or a session's), valid until {@code expiresAt}. */
    record Issued(String secret, Instant expiresAt) {
    }

    /** A signed-in session: its identity and when it ends. */
    record ConsoleSession(ConsoleIdentity identity, Instant expiresAt) {
    }

    /** Creates a one-time link secret for {@code identity}. */
    Issued issueLink(ConsoleIdentity identity);

    /** Consumes a link secret (once, before it expires) and opens a session; empty when the link is unusable. */
    Optional<Issued> exchange(String linkSecret);

    /**
     * Opens a session at once for an identity the console has verified itself, such as the
     * subject of an OpenID provider's ID token checked by the console adapter.
     */
    Issued openSession(ConsoleIdentity identity);

    /** The session a secret names, while it lasts. */
    Optional<ConsoleSession> session(String sessionSecret);

    /** Ends the session; a secret that names none changes nothing. */
    void signOut(String sessionSecret);
}
