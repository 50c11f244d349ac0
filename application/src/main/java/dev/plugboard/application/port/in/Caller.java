package dev.plugboard.application.port.in;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.util.Optional;

/**
 * Who is asking and on whose behalf: the actor recorded in the audit trail, the owner whose
 * installations and runs are in play (the user, or the organization they act for), and the plan
 * whose limits apply.
 */
public record Caller(Actor actor, Owner owner, Optional<String> plan) {

    public Caller {
        Require.present("actor", actor);
        Require.present("owner", owner);
        plan = plan == null ? Optional.empty() : plan.filter(p -> !p.isBlank());
    }

    /** A user acting for themselves. */
    public static Caller user(String userId, String plan) {
        return new Caller(Actor.user(userId), Owner.user(userId), Optional.ofNullable(plan));
    }

    /** A user acting for an organization. */
    public static Caller member(String userId, String organizationId, String plan) {
        return new Caller(Actor.user(userId), Owner.organization(organizationId), Optional.ofNullable(plan));
    }
}
