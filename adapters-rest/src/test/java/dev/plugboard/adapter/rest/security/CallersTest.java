package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallersTest {

    @Test
    void givenOnlySub_of_isTheUserActingForThemselves() {
        Caller caller = Callers.of(Authentication.build("alice"));

        assertThat(caller.owner()).isEqualTo(Owner.user("alice"));
        assertThat(caller.actor().toString()).isEqualTo("user:alice");
        assertThat(caller.plan()).isEmpty();
    }

    @Test
    void givenOrgAndPlanClaims_of_isAMemberActingForTheOrganizationOnThatPlan() {
        Caller caller = Callers.of(Authentication.build("alice", List.of("admin"), Map.of("org", "acme", "plan", "pro")));

        assertThat(caller.owner()).isEqualTo(Owner.organization("acme"));
        assertThat(caller.actor().toString()).isEqualTo("user:alice");
        assertThat(caller.plan()).isEqualTo(Optional.of("pro"));
    }

    @Test
    void givenBlankOrNonTextClaims_of_ignoresThem() {
        Caller caller = Callers.of(Authentication.build("alice", Map.of("org", " ", "plan", 42)));

        assertThat(caller.owner()).isEqualTo(Owner.user("alice"));
        assertThat(caller.plan()).isEmpty();
    }

    @Test
    void givenASubjectThatIsNoValidId_of_isRefusedNamingTheRule() {
        assertThatThrownBy(() -> Callers.of(Authentication.build("alice smith")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("user id");
    }

    @Test
    void givenMemberWithOrgRoleAdmin_workflowActor_administersTheOrganization() {
        WorkflowActor actor = Callers.workflowActor(Authentication.build("alice",
                Map.of("org", "acme", "org_role", "admin", "department", "sales")), "department");

        assertThat(actor.caller().owner()).isEqualTo(Owner.organization("acme"));
        assertThat(actor.organizationAdmin()).isTrue();
        assertThat(actor.department()).contains("sales");
    }

    @Test
    void givenOrgRoleAdminWithoutOrg_workflowActor_administersNothing() {
        WorkflowActor actor = Callers.workflowActor(Authentication.build("alice", Map.of("org_role", "admin")),
                "department");

        assertThat(actor.caller().owner()).isEqualTo(Owner.user("alice"));
        assertThat(actor.organizationAdmin()).as("org_role counts only while acting for an organization").isFalse();
    }

    @Test
    void givenPlainMember_workflowActor_isNoAdminAndHasNoDepartment() {
        WorkflowActor actor = Callers.workflowActor(Authentication.build("alice",
                Map.of("org", "acme", "org_role", "member")), "department");

        assertThat(actor.organizationAdmin()).isFalse();
        assertThat(actor.department()).isEmpty();
    }

    @Test
    void givenPlugboardAdminRole_workflowActor_administersTheOrganizationItActsFor() {
        WorkflowActor actor = Callers.workflowActor(Authentication.build("root", List.of(Roles.ADMIN),
                Map.of("org", "acme")), "department");

        assertThat(actor.organizationAdmin()).isTrue();
    }

    @Test
    void givenConfiguredNestedDepartmentClaim_workflowActor_readsItByItsPath() {
        WorkflowActor actor = Callers.workflowActor(Authentication.build("alice",
                Map.of("org", "acme", "department", "ignored", "profile", Map.of("team", "support"))), "profile.team");

        assertThat(actor.department()).contains("support");
    }
}
