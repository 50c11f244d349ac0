package dev.plugboard.adapter.rest.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Signs bearer tokens the way an identity provider would, and forges the broken ones a server must refuse. */
public final class Tokens {

    private final String secret;

    public Tokens(String secret) {
        this.secret = secret;
    }

    public String of(Who who) {
        return sign(who, secret, Duration.ofHours(1));
    }

    public String expired(Who who) {
        return sign(who, secret, Duration.ofHours(-1));
    }

    public String signedWithAnotherSecret(Who who) {
        return sign(who, "another-secret-that-is-long-enough-for-hs256!", Duration.ofHours(1));
    }

    /** An unsigned token ({@code alg: none}): a server that accepts it accepts anyone. */
    public String unsigned(Who who) {
        return new PlainJWT(claims(who, Duration.ofHours(1))).serialize();
    }

    private static String sign(Who who, String key, Duration validFor) {
        return hs256(claims(who, validFor), key);
    }

    /** Exactly these claims, signed HS256 with {@code secret}. */
    public static String hs256(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token: " + e.getMessage(), e);
        }
    }

    /**
     * The token with one byte of its signature flipped (the tenth): changing a base64 character instead
     * could touch padding bits only, and leave the signature as it was.
     */
    public static String withOneSignatureByteChanged(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = new Base64URL(token.substring(dot + 1)).decode();
        signature[10] ^= 0x01;
        return token.substring(0, dot + 1) + Base64URL.encode(signature);
    }

    private static JWTClaimsSet claims(Who who, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(who.user())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", who.roles());
        if (who.org() != null) {
            claims.claim("org", who.org());
        }
        if (who.plan() != null) {
            claims.claim("plan", who.plan());
        }
        who.claims().forEach(claims::claim);
        return claims.build();
    }
}
