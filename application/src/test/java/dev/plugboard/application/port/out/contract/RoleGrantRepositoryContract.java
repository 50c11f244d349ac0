package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import dev.plugboard.domain.audit.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RoleGrantRepository} must do; a subclass says how to get a fresh, empty one,
 * and the same assertions run in memory and on PostgreSQL.
 */
public abstract class RoleGrantRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    private static final Actor ROOT = Actor.operator("root");

    protected RoleGrantRepository grants;

    /** A fresh repository holding no grant. */
    protected abstract RoleGrantRepository newRepository();

    @BeforeEach
    void fresh() {
        grants = newRepository();
    }

    private static RoleGrant grant(String subject, Role role) {
        return new RoleGrant(subject, role, ROOT, T0);
    }

    @Test
    void givenGrant_add_storesItWholeAndFindsItBySubject() {
        RoleGrant grant = grant("alice", Role.ADMIN);

        assertThat(grants.add(grant)).isTrue();

        assertThat(grants.findBySubject("alice")).containsExactly(grant);
        assertThat(grants.findBySubject("bob")).isEmpty();
    }

    @Test
    void givenRoleAlreadyGranted_add_returnsFalseAndKeepsTheFirstGrant() {
        RoleGrant first = grant("alice", Role.ADMIN);
        grants.add(first);

        boolean added = grants.add(new RoleGrant("alice", Role.ADMIN, Actor.user("bob"), T0.plusSeconds(60)));

        assertThat(added).isFalse();
        assertThat(grants.findBySubject("alice")).containsExactly(first);
    }

    @Test
    void givenSeveralGrants_findAll_ordersBySubjectThenRole() {
        grants.add(grant("carol", Role.ADMIN));
        grants.add(grant("alice", Role.WORKER));
        grants.add(grant("alice", Role.ADMIN));

        assertThat(grants.findAll()).extracting(g -> g.subject() + "/" + g.role().wireName())
                .containsExactly("alice/admin", "alice/worker", "carol/admin");
        assertThat(grants.findBySubject("alice")).extracting(RoleGrant::role).containsExactly(Role.ADMIN, Role.WORKER);
    }

    @Test
    void givenGrant_remove_deletesOnlyThatRoleOfThatSubject() {
        grants.add(grant("alice", Role.ADMIN));
        grants.add(grant("alice", Role.WORKER));
        grants.add(grant("bob", Role.ADMIN));

        assertThat(grants.remove("alice", Role.ADMIN)).isTrue();

        assertThat(grants.findAll()).extracting(g -> g.subject() + "/" + g.role().wireName())
                .containsExactly("alice/worker", "bob/admin");
    }

    @Test
    void givenNoSuchGrant_remove_returnsFalse() {
        grants.add(grant("alice", Role.WORKER));

        assertThat(grants.remove("alice", Role.ADMIN)).isFalse();
        assertThat(grants.remove("nobody", Role.WORKER)).isFalse();
        assertThat(grants.findAll()).hasSize(1);
    }

    @Test
    void givenSubjectsThatDifferOnlyInCase_grants_keepThemApart() {
        grants.add(grant("Alice", Role.ADMIN));

        assertThat(grants.findBySubject("alice")).isEmpty();
        assertThat(grants.remove("alice", Role.ADMIN)).isFalse();
    }
}
