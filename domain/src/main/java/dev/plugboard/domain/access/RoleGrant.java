package dev.plugboard.domain.access;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.time.Instant;

/**
 * A role an administrator gave a subject (a token's {@code sub}) in Plugboard itself, so that the
 * identity provider's roles need not be believed.
 */
public record RoleGrant(String subject, Role role, Actor grantedBy, Instant grantedAt) {

    public RoleGrant {
        subject = subject(subject);
        Require.present("role", role);
        Require.present("granted by", grantedBy);
        Require.present("granted at", grantedAt);
    }

    /**
     * A subject checked by the rules of user ids, since the API takes a token's {@code sub} as the
     * user: a grant to a subject no token could carry would never apply.
     */
    public static String subject(String subject) {
        return Owner.user(subject == null ? null : subject.strip()).id();
    }
}
