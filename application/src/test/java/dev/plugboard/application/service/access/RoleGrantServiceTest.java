package dev.plugboard.application.service.access;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrantNotFoundException;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleGrantServiceTest {

    private static final Actor ROOT = Actor.operator("root");

    private final Plugboard plugboard = Plugboard.builder().build();
    private final RoleGrantsUseCase grants = plugboard.grants();

    @Test
    void givenNewGrant_grant_storesItAndAuditsWhoGaveWhichRole() {
        RoleGrantsUseCase.GrantResult result = grants.grant(ROOT, " alice ", Role.ADMIN);

        assertThat(result.created()).isTrue();
        assertThat(result.grant().subject()).isEqualTo("alice");
        assertThat(grants.rolesOf("alice")).containsExactly(Role.ADMIN);
        AuditEntry entry = audit().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.ROLE_GRANTED);
        assertThat(entry.actor()).isEqualTo(ROOT);
        assertThat(entry.target()).isEqualTo("subject:alice");
        assertThat(entry.after().orElseThrow().toJson()).contains("\"admin\"");
    }

    @Test
    void givenRoleAlreadyGranted_grant_changesNothingAndAuditsNothingNew() {
        grants.grant(ROOT, "alice", Role.ADMIN);

        RoleGrantsUseCase.GrantResult again = grants.grant(Actor.user("bob"), "alice", Role.ADMIN);

        assertThat(again.created()).isFalse();
        assertThat(again.grant().grantedBy()).isEqualTo(ROOT);
        assertThat(audit()).hasSize(1);
    }

    @Test
    void givenGrant_revoke_removesItAndAuditsIt() {
        grants.grant(ROOT, "alice", Role.ADMIN);
        grants.grant(ROOT, "alice", Role.WORKER);

        grants.revoke(ROOT, "alice", Role.ADMIN);

        assertThat(grants.rolesOf("alice")).containsExactly(Role.WORKER);
        assertThat(grants.grants(Optional.of("alice"))).hasSize(1);
        assertThat(audit().get(0).action()).isEqualTo(AuditAction.ROLE_REVOKED);
        assertThat(audit().get(0).outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
    }

    @Test
    void givenNoGrant_revoke_isNotFoundAndAuditedAsAFailure() {
        assertThatThrownBy(() -> grants.revoke(ROOT, "alice", Role.ADMIN))
                .isInstanceOf(RoleGrantNotFoundException.class)
                .hasMessageContaining("'alice' holds no grant of the role admin");

        assertThat(audit().get(0).outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
    }

    @Test
    void givenBadSubjectOrRole_grant_namesTheValue() {
        assertThatThrownBy(() -> grants.grant(ROOT, "al ice", Role.ADMIN))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'al ice'");
        assertThatThrownBy(() -> Role.parse("root"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'root'").hasMessageContaining("admin, worker");
        assertThat(grants.grants(Optional.empty())).isEmpty();
    }

    private List<AuditEntry> audit() {
        return plugboard.audit().list(AuditFilter.ALL, PageRequest.first()).items();
    }
}
