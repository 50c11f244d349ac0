package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.persistence.jdbc.CachedRoleGrantRepository;
import dev.plugboard.adapter.rest.security.ClaimAndGrantRolesFinder;
import dev.plugboard.adapter.rest.security.TimeClaimsValidator;
import dev.plugboard.adapter.rest.security.VerifiedTokens;
import dev.plugboard.domain.time.Durations;

import io.micronaut.context.env.Environment;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the authentication settings before anything starts and turns them into Micronaut
 * Security's: with a JWKS URL, the issuer and audience are required (a key set shared by other
 * applications would otherwise let their tokens in), and token roles are not trusted unless
 * configured (with a JWKS URL or a console OpenID provider); the clock skew must be a sensible duration.
 */
final class AuthSettings {

    static final String ISSUER = "plugboard.auth.issuer";
    static final String AUDIENCE = "plugboard.auth.audience";
    static final String CLOCK_SKEW = TimeClaimsValidator.CLOCK_SKEW;
    static final String TRUST_TOKEN_ROLES = ClaimAndGrantRolesFinder.TRUST_TOKEN_ROLES;
    static final String ROLES_CLAIM = "plugboard.auth.roles-claim";
    static final String TOKEN_CACHE_TTL = VerifiedTokens.TTL;
    static final String GRANTS_CACHE_TTL = CachedRoleGrantRepository.TTL;
    static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private static final String VALIDATORS = "micronaut.security.token.jwt.claims-validators.";

    private AuthSettings() {
    }

    /** The Micronaut properties these settings imply; throws {@link InvalidConfigurationException} on a bad one. */
    static Map<String, Object> derive(Environment environment) {
        Map<String, Object> derived = new HashMap<>();
        Optional<String> jwks = text(environment, LaunchConfiguration.JWT_JWKS_URL);
        Optional<String> issuer = text(environment, ISSUER);
        Optional<String> audience = text(environment, AUDIENCE);
        if (jwks.isPresent()) {
            requireIssuerAndAudience(issuer, audience);
            derived.put("micronaut.security.token.jwt.signatures.jwks.idp.url", jwksUrl(jwks.get()));
        }
        issuer.ifPresent(value -> derived.put(VALIDATORS + "issuer", value));
        audience.ifPresent(value -> derived.put(VALIDATORS + "audience", value));
        // An identity provider's roles are not trusted by default, whether its tokens reach REST
        // (a JWKS URL) or the console (an OpenID provider for sign-in).
        ConsoleOidcSettings.check(environment);
        derived.put(TRUST_TOKEN_ROLES, trustTokenRoles(environment, jwks.isEmpty() && !ConsoleOidcSettings.configured(environment)));
        clockSkew(environment);
        derived.put(TOKEN_CACHE_TTL, DurationSetting.of(environment, TOKEN_CACHE_TTL, Duration.ofSeconds(VerifiedTokens.DEFAULT_TTL_SECONDS)).toString());
        environment.getProperty(ROLES_CLAIM, String.class).filter(String::isBlank).ifPresent(blank -> {
            throw new InvalidConfigurationException(ROLES_CLAIM + " (PLUGBOARD_AUTH_ROLES_CLAIM) is blank; name the claim"
                    + " that carries roles, e.g. roles or realm_access.roles, or unset it for the default 'roles'");
        });
        return derived;
    }

    private static void requireIssuerAndAudience(Optional<String> issuer, Optional<String> audience) {
        List<String> missing = new ArrayList<>();
        issuer.ifPresentOrElse(i -> { }, () -> missing.add(ISSUER + " (PLUGBOARD_AUTH_ISSUER)"));
        audience.ifPresentOrElse(a -> { }, () -> missing.add(AUDIENCE + " (PLUGBOARD_AUTH_AUDIENCE)"));
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException("a JWKS URL (" + LaunchConfiguration.JWT_JWKS_URL
                    + ") is configured but " + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not: set the issuer (iss) and the audience (aud) your identity provider puts in Plugboard's"
                    + " tokens, so that tokens it issues for other applications are refused");
        }
    }

    private static String jwksUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new InvalidConfigurationException(LaunchConfiguration.JWT_JWKS_URL + " (PLUGBOARD_JWT_JWKS_URL) '" + url
                + "' is not an http(s) URL; write e.g. https://idp.example.com/realms/acme/protocol/openid-connect/certs");
    }

    private static boolean trustTokenRoles(Environment environment, boolean byDefault) {
        Optional<String> text = text(environment, TRUST_TOKEN_ROLES);
        if (text.isEmpty()) {
            return byDefault;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(TRUST_TOKEN_ROLES + " (PLUGBOARD_AUTH_TRUST_TOKEN_ROLES) '"
                    + text.get() + "' is not a boolean; write true or false");
        };
    }

    static Duration clockSkew(Environment environment) {
        Optional<String> text = text(environment, CLOCK_SKEW);
        if (text.isEmpty()) {
            return Duration.ofSeconds(60);
        }
        Optional<Duration> skew;
        try {
            skew = DurationSetting.of(environment, CLOCK_SKEW);
        } catch (dev.plugboard.domain.error.InvalidValueException e) {
            skew = Optional.empty();
        }
        if (skew.isEmpty() || skew.get().isNegative() || skew.get().compareTo(MAX_SKEW) > 0) {
            throw new InvalidConfigurationException(CLOCK_SKEW + " (PLUGBOARD_AUTH_CLOCK_SKEW) '" + text.get()
                    + "' is not a duration from 0s to 10m; " + Durations.ACCEPTED);
        }
        return skew.get();
    }

    private static Optional<String> text(Environment environment, String key) {
        return environment.getProperty(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
