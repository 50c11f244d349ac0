package dev.plugboard.adapter.console.oidc;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a checked ID token stands for, by the rules REST applies to bearer tokens: the user is the
 * subject claim Micronaut Security names, an {@code org} claim is the organization they may act
 * for, and the roles come from the server's {@link RolesFinder} (the configured roles claim, a
 * dotted path, counted only when {@code plugboard.auth.trust-token-roles} is true). Plugboard's
 * grants are not copied into the session: the session filter reads them on every request, so
 * that a revoke applies at once.
 */
@Singleton
@Requires(beans = OidcProvider.class)
final class OidcIdentities {

    /** The claim REST reads for the organization a caller acts for. */
    static final String ORGANIZATION_CLAIM = "org";

    private final RolesFinder roles;
    private final TokenConfiguration tokens;

    OidcIdentities(RolesFinder roles, TokenConfiguration tokens) {
        this.roles = roles;
        this.tokens = tokens;
    }

    ConsoleIdentity of(IDTokenClaimsSet idToken) throws OidcRefusal {
        Map<String, Object> claims = new HashMap<>(idToken.toJSONObject());
        Object user = claims.remove(tokens.getNameKey());
        Set<Role> tokenRoles = roles.resolveRoles(claims).stream().flatMap(name -> Role.find(name).stream())
                .collect(Collectors.toSet());
        Optional<String> organization = Optional.ofNullable(claims.get(ORGANIZATION_CLAIM))
                .filter(String.class::isInstance).map(String.class::cast).map(String::strip).filter(o -> !o.isEmpty());
        if (!(user instanceof String name) || name.isBlank()) {
            throw new OidcRefusal(HttpStatus.FORBIDDEN, "The identity provider's ID token names no user in its '"
                    + tokens.getNameKey() + "' claim, so it cannot open a console session.");
        }
        try {
            return new ConsoleIdentity(name, organization, tokenRoles);
        } catch (DomainException unusable) {
            throw new OidcRefusal(HttpStatus.FORBIDDEN, "The identity provider's user or organization cannot be used in"
                    + " Plugboard: " + unusable.getMessage());
        }
    }
}
