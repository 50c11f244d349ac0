package dev.plugboard.adapter.cli.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Decides, as the server would, whether a bearer token is accepted: well-formed, HS256 with the
 * server's secret, within its lifetime (give or take the clock skew), and for the configured issuer
 * and audience. Its verdicts never repeat the token.
 */
final class TokenCheck {

    /** Accepted or not, and why, in words an operator can act on. */
    record Verdict(boolean accepted, String reason) {
    }

    private final byte[] secret;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Duration skew;

    TokenCheck(byte[] secret, Optional<String> issuer, Optional<String> audience, Duration skew) {
        this.secret = secret.clone();
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
    }

    Verdict check(String token, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return rejected("malformed: it is not a signed JWT (three base64url parts separated by dots, with JSON"
                    + " header and claims); pass the whole token as plugboard token printed it");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            return rejected("signed with " + jwt.getHeader().getAlgorithm() + ", not HS256: only the server's HS256"
                    + " tokens can be checked here; an identity provider's tokens are checked against its JWKS");
        }
        if (!verified(jwt)) {
            return rejected("bad signature: it was not signed with this server's secret; a token from another data"
                    + " folder or an older PLUGBOARD_JWT_SECRET is refused (issue a new one here)");
        }
        return timeProblem(claims, now).or(() -> partyProblem(claims)).map(TokenCheck::rejected)
                .orElseGet(() -> new Verdict(true, accepted(claims, now)));
    }

    private boolean verified(SignedJWT jwt) {
        try {
            return jwt.verify(new MACVerifier(secret));
        } catch (JOSEException e) {
            return false;
        }
    }

    private Optional<String> timeProblem(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            return Optional.of("it has no expiry (exp), which the server requires; issue a new one with --ttl");
        }
        if (expires.toInstant().plus(skew).isBefore(now)) {
            return Optional.of("expired at " + expires.toInstant() + " (" + rounded(Duration.between(expires.toInstant(), now))
                    + " ago); issue a new one, with a longer --ttl if needed");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(skew).isAfter(now)) {
            return Optional.of("not valid before " + notBefore.toInstant() + " (nbf)");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().minus(skew).isAfter(now)) {
            return Optional.of("issued in the future, at " + issued.toInstant() + " (iat): check this machine's clock");
        }
        return Optional.empty();
    }

    private Optional<String> partyProblem(JWTClaimsSet claims) {
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            return Optional.of("it names no user (sub)");
        }
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            return Optional.of("wrong issuer: the server expects iss '" + issuer.get() + "', the token has "
                    + quoted(claims.getIssuer()));
        }
        List<String> audiences = claims.getAudience();
        if (audience.isPresent() && !audiences.contains(audience.get())) {
            return Optional.of("wrong audience: the server expects aud to contain '" + audience.get() + "', the token has "
                    + (audiences.isEmpty() ? "none" : audiences.toString()));
        }
        return Optional.empty();
    }

    private static String accepted(JWTClaimsSet claims, Instant now) {
        Object org = claims.getClaim("org");
        Instant expires = claims.getExpirationTime().toInstant();
        return "accepted: user " + claims.getSubject() + (org == null ? "" : ", organization " + org) + ", expires "
                + expires + " (in " + rounded(Duration.between(now, expires).abs()) + ")";
    }

    private static Verdict rejected(String reason) {
        return new Verdict(false, "rejected: " + reason);
    }

    private static String quoted(String value) {
        return value == null ? "none" : "'" + value + "'";
    }

    private static String rounded(Duration duration) {
        return duration.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
