package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.Plugboard;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.audit.Actor;
import io.micronaut.security.token.config.TokenConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimAndGrantRolesFinderTest {

    private final Plugboard plugboard = Plugboard.builder().build();

    private ClaimAndGrantRolesFinder finder(String claim, boolean trustTokenRoles) {
        TokenConfiguration tokens = new TokenConfiguration() {
            @Override
            public String getRolesName() {
                return claim;
            }
        };
        return new ClaimAndGrantRolesFinder(tokens, trustTokenRoles, plugboard::grants);
    }

    @Test
    void givenKeycloakPath_rolesAreReadFromTheNestedClaimAndUnknownOnesDropped() {
        Map<String, Object> claims = Map.of("sub", "alice", "roles", List.of("worker"),
                "realm_access", Map.of("roles", List.of("offline_access", "admin")));

        assertThat(finder("realm_access.roles", true).resolveRoles(claims)).containsExactly("admin");
        assertThat(finder("roles", true).resolveRoles(claims)).containsExactly("worker");
    }

    @Test
    void givenClaimNameWithDots_theWholeNameIsTriedFirst() {
        Map<String, Object> claims = Map.of("sub", "alice", "https://plugboard.example/roles", List.of("admin"));

        assertThat(finder("https://plugboard.example/roles", true).resolveRoles(claims)).containsExactly("admin");
    }

    @Test
    void givenUntrustedTokenRoles_onlyGrantsCount() {
        Map<String, Object> claims = Map.of("sub", "alice", "roles", List.of("admin"));
        assertThat(finder("roles", false).resolveRoles(claims)).isEmpty();

        plugboard.grants().grant(Actor.operator("root"), "alice", Role.WORKER);

        assertThat(finder("roles", false).resolveRoles(claims)).containsExactly("worker");
        assertThat(finder("roles", true).resolveRoles(claims)).containsExactlyInAnyOrder("admin", "worker");
    }
}
