package dev.plugboard.bootstrap.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.rest.contract.ApiClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default, HS256 with the server's secret, enforces the time claims too: a correctly
 * signed token with no exp, or with nbf or iat in the future beyond the skew, is refused.
 */
class TimeClaimsFullStackTest {

    private final FullStackServer server = FullStackServer.shared();
    private final ApiClient api = new ApiClient(server);

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("time-claims-alice").claim("roles", List.of())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private int status(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(FullStackServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return api.sendWithToken("GET", "/api/plugins", jwt.serialize(), null, Map.of()).status();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date inSeconds(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    @Test
    void givenLiveToken_itIsAccepted() {
        assertThat(status(claims().build())).isEqualTo(200);
    }

    @Test
    void givenTokenWithoutExp_itIsRefused() {
        assertThat(status(claims().expirationTime(null).build())).isEqualTo(401);
    }

    @Test
    void givenNbfInTheFuture_itIsRefusedBeyondTheSkewOnly() {
        assertThat(status(claims().notBeforeTime(inSeconds(600)).build())).isEqualTo(401);
        assertThat(status(claims().notBeforeTime(inSeconds(20)).build())).isEqualTo(200);
    }

    @Test
    void givenIatInTheFuture_itIsRefusedBeyondTheSkewOnly() {
        assertThat(status(claims().issueTime(inSeconds(600)).build())).isEqualTo(401);
        assertThat(status(claims().issueTime(inSeconds(20)).build())).isEqualTo(200);
    }

    @Test
    void givenExpiredToken_itIsRefused() {
        assertThat(status(claims().issueTime(inSeconds(-7200)).expirationTime(inSeconds(-3600)).build())).isEqualTo(401);
    }
}
