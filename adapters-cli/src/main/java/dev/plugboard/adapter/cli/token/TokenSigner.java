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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs the bearer tokens the REST API accepts: HS256 with the server's secret, claims sub, org,
 * roles (under the configured roles claim), plan, iat, exp, and iss and aud when the server checks them.
 */
final class TokenSigner {

    private final byte[] secret;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final String rolesClaim;

    TokenSigner(byte[] secret, Optional<String> issuer, Optional<String> audience, String rolesClaim) {
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
        this.secret = secret.clone();
    }

    String sign(String user, Optional<String> organization, List<String> roles, Optional<String> plan, Instant now,
                Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user)
                // Whole seconds: JWT times are seconds, and a fraction would make iat differ from what was printed.
                .issueTime(Date.from(now.truncatedTo(ChronoUnit.SECONDS)))
                .expirationTime(Date.from(now.plus(ttl).truncatedTo(ChronoUnit.SECONDS)));
        roles(claims, List.copyOf(roles));
        issuer.ifPresent(claims::issuer);
        audience.ifPresent(claims::audience);
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

    /** Puts the roles where the server reads them: {@code realm_access.roles} becomes {"realm_access": {"roles": [...]}}. */
    private void roles(JWTClaimsSet.Builder claims, List<String> roles) {
        String[] path = rolesClaim.contains("://") ? new String[] {rolesClaim} : rolesClaim.split("\\.");
        Object value = roles;
        for (int i = path.length - 1; i > 0; i--) {
            value = Map.of(path[i], value);
        }
        claims.claim(path[0], value);
    }
}
