package dev.plugboard.adapter.cli.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Signs the bearer tokens the REST API accepts: HS256 with the server's secret, claims sub, org, roles, plan, iat, exp. */
final class TokenSigner {

    private final byte[] secret;

    TokenSigner(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new CliFailure(ExitCode.FAILURE, "no JWT secret is configured; set PLUGBOARD_JWT_SECRET"
                    + " (or plugboard.jwt.secret) to the secret the server uses");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String user, Optional<String> organization, List<String> roles, Optional<String> plan, Instant now,
                Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user)
                .claim("roles", List.copyOf(roles))
                // Whole seconds: JWT times are seconds, and a fraction would make iat differ from what was printed.
                .issueTime(Date.from(now.truncatedTo(ChronoUnit.SECONDS)))
                .expirationTime(Date.from(now.plus(ttl).truncatedTo(ChronoUnit.SECONDS)));
        organization.ifPresent(org -> claims.claim("org", org));
        plan.ifPresent(p -> claims.claim("plan", p));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (KeyLengthException e) {
            throw new CliFailure(ExitCode.FAILURE, "the JWT secret is too short for HS256: it needs at least 32 bytes"
                    + " (256 bits); set a longer PLUGBOARD_JWT_SECRET");
        } catch (JOSEException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot sign the token: " + e.getMessage());
        }
        return jwt.serialize();
    }
}
