package dev.plugboard.adapter.rest.security;

import dev.plugboard.domain.time.Durations;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Enforces a token's time claims in every mode, HS256 included: {@code exp} is required and may
 * be passed by at most the clock skew, {@code nbf} and {@code iat} may lie at most the skew in the
 * future. It replaces Micronaut's own expiration check (switched off in the configuration), which
 * lets a token without {@code exp} live forever and allows no skew.
 */
@Singleton
public final class TimeClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    /** {@code plugboard.auth.clock-skew}: how far the clocks of Plugboard and the token's issuer may differ. */
    public static final String CLOCK_SKEW = "plugboard.auth.clock-skew";

    private static final Logger LOG = LoggerFactory.getLogger(TimeClaimsValidator.class);

    private final Duration skew;

    public TimeClaimsValidator(@Value("${" + CLOCK_SKEW + ":60s}") String skew) {
        this.skew = Durations.parse(CLOCK_SKEW, skew);
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return validate(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims), Instant.now());
    }

    boolean validate(JWTClaimsSet claims, Instant now) {
        Instant expires = instant(claims.getExpirationTime());
        if (expires == null) {
            return refuse("it has no exp claim");
        }
        if (now.isAfter(expires.plus(skew))) {
            return refuse("it expired at " + expires);
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
            return refuse("its nbf " + notBefore + " is in the future");
        }
        Instant issued = instant(claims.getIssueTime());
        if (issued != null && issued.isAfter(now.plus(skew))) {
            return refuse("its iat " + issued + " is in the future");
        }
        return true;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Logged at debug only: the reason is the client's to fix, and a 401 must not tell an attacker which check failed. */
    private static boolean refuse(String reason) {
        LOG.debug("Bearer token refused: {}", reason);
        return false;
    }
}
