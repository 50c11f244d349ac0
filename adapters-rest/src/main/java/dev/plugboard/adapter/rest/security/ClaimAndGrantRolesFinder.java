package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.domain.access.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verified token's roles: Plugboard's roles found in the configured claim
 * ({@code micronaut.security.token.roles-name}, set from {@code plugboard.auth.roles-claim}, a
 * dotted path such as {@code realm_access.roles} for Keycloak) when token roles are trusted, plus
 * the roles granted to its subject in Plugboard. Roles Plugboard does not know are dropped.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
public final class ClaimAndGrantRolesFinder implements RolesFinder {

    /** {@code plugboard.auth.trust-token-roles}: whether the roles a token carries count at all. */
    public static final String TRUST_TOKEN_ROLES = "plugboard.auth.trust-token-roles";

    private final TokenConfiguration tokens;
    private final boolean trustTokenRoles;
    private final Provider<RoleGrantsUseCase> grants;

    public ClaimAndGrantRolesFinder(TokenConfiguration tokens,
                                    @Value("${" + TRUST_TOKEN_ROLES + ":true}") boolean trustTokenRoles,
                                    Provider<RoleGrantsUseCase> grants) {
        this.tokens = tokens;
        this.trustTokenRoles = trustTokenRoles;
        this.grants = grants;
    }

    @Override
    @NonNull
    public List<String> resolveRoles(@Nullable Map<String, Object> attributes) {
        if (attributes == null) {
            return List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        if (trustTokenRoles) {
            ClaimPath.values(attributes, tokens.getRolesName(), tokens.getRolesSeparator()).stream()
                    .flatMap(name -> Role.find(name).stream())
                    .forEach(role -> roles.add(role.wireName()));
        }
        Object subject = attributes.get(tokens.getNameKey());
        if (subject instanceof String name && !name.isBlank()) {
            // On every request (the token cache keeps claims, never roles), from the grants cache that every
            // grant and revoke clears: at once on this instance, by LISTEN/NOTIFY on the others.
            grants.get().rolesOf(name).forEach(role -> roles.add(role.wireName()));
        }
        return new ArrayList<>(roles);
    }
}
