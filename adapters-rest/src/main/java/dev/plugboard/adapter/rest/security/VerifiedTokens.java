package dev.plugboard.adapter.rest.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens already verified, so that a known caller's token is parsed and its signature checked
 * once rather than on every request. An entry is found by the SHA-256 of the token's exact text (the
 * token itself is never kept: only its verified claims), lives until the token's {@code exp} or for
 * {@code plugboard.auth.token-cache-ttl} (default 60 s), whichever comes first, and at most
 * {@value #TOKENS} are kept. Only a successful verification is remembered, so a forged or altered
 * token is always checked in full; at every lookup the time claims are checked again
 * ({@link TimeClaimsValidator}). Only HMAC-signed tokens are remembered: their secret is fixed when the
 * server starts, while a JWKS can rotate its keys at run time.
 */
@Singleton
public final class VerifiedTokens {

    /** {@code plugboard.auth.token-cache-ttl}: how long a verified token is remembered at most; 0 turns the cache off. */
    public static final String TTL = "plugboard.auth.token-cache-ttl";
    /** The default of {@link #TTL}, in seconds: a constant, so that the launch reads it without loading this class. */
    public static final long DEFAULT_TTL_SECONDS = 60;

    static final int TOKENS = 10_000;

    private record Verified(JWT claimsOnly, JWTClaimsSet claims, long lifeNanos) {
    }

    private final TimeClaimsValidator<?> timeClaims;
    private final Duration ttl;
    private final Cache<String, Verified> verified;

    public VerifiedTokens(TimeClaimsValidator<?> timeClaims, @Value("${" + TTL + ":60s}") Duration ttl) {
        this.timeClaims = timeClaims;
        this.ttl = ttl.isNegative() ? Duration.ZERO : ttl;
        this.verified = Caffeine.newBuilder().maximumSize(TOKENS).expireAfter(new Expiry<String, Verified>() {
            @Override
            public long expireAfterCreate(String key, Verified value, long currentTime) {
                return value.lifeNanos();
            }

            @Override
            public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                return value.lifeNanos();
            }

            @Override
            public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /**
     * The claims of {@code token} if it was verified before and its time claims still hold at {@code now}
     * (as a claims-only JWT, for {@code JwtAuthenticationFactory}); empty means: verify it in full.
     */
    public Optional<JWT> find(String token, Instant now) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String key = key(token);
        Verified known = verified.getIfPresent(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!timeClaims.validate(known.claims(), now)) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(known.claimsOnly());
    }

    /** Remembers {@code jwt}, which {@code token} was just verified as, if it is HMAC-signed and lives on. */
    public void remember(String token, JWT jwt, Instant now) {
        if (ttl.isZero() || !(jwt instanceof SignedJWT signed)
                || !JWSAlgorithm.Family.HMAC_SHA.contains(signed.getHeader().getAlgorithm())) {
            return;
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException unreadable) {
            return;
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            return;
        }
        Duration life = Duration.between(now, expires.toInstant());
        if (life.compareTo(ttl) > 0) {
            life = ttl;
        }
        if (life.isNegative() || life.isZero()) {
            return;
        }
        verified.put(key(token), new Verified(new PlainJWT(claims), claims, life.toNanos()));
    }

    /** Forgets every token: the next request of each caller verifies its token in full. */
    public void clear() {
        verified.invalidateAll();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
