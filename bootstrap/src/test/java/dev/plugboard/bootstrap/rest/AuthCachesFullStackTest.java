package dev.plugboard.bootstrap.rest;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plugboard.adapter.persistence.jdbc.GrantNotifications;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.Tokens;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.adapter.rest.security.VerifiedTokens;
import dev.plugboard.application.fixtures.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token and role-grant caches (issue 16) on two real servers sharing one PostgreSQL:
 * a caller's grants are read once, yet a revoke takes effect at once on the instance that made it and,
 * by LISTEN/NOTIFY, on the other (whose time limit is ten minutes here, so nothing else could); a
 * remembered token is refused once it expires, and a copy of it with one signature byte changed is
 * refused while the original is still remembered.
 */
class AuthCachesFullStackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AUDIT = "/api/admin/audit";

    private static Path folder;
    private static FullStackServer first;
    private static FullStackServer second;
    private static ApiClient onFirst;
    private static ApiClient onSecond;

    @BeforeAll
    static void start() {
        folder = FullStackServer.newFolder("plugboard-authcache-it");
        Map<String, Object> configuration = Map.of("plugboard.auth.grants-cache-ttl", "10m",
                "plugboard.auth.clock-skew", "0s");
        first = FullStackServer.start(folder, configuration);
        second = FullStackServer.start(folder, configuration);
        onFirst = new ApiClient(first);
        onSecond = new ApiClient(second);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.application().close();
        }
        if (first != null) {
            first.application().close();
        }
        FullStackServer.delete(folder);
    }

    @Test
    void givenACallerKnownToBothInstances_whenAnAdminGrantsAndRevokesOnOne_thenItTakesEffectThereAtOnce_andOnTheOtherByNotification() {
        String subject = Who.unique("cached-admin");
        String token = hs256(claims(subject, Duration.ofMinutes(10)).build());
        Who root = Who.newAdmin();
        assertThat(status(onFirst, token)).isEqualTo(403);
        assertThat(status(onSecond, token)).as("its (missing) grants are now in both caches").isEqualTo(403);
        Eventually.converges("both instances listen for grant changes", PATIENCE, () -> listening(first) && listening(second));

        assertThat(onFirst.post("/api/admin/grants", root, "{\"subject\": \"" + subject + "\", \"role\": \"admin\"}").status())
                .isEqualTo(201);
        assertThat(status(onFirst, token)).as("the granting instance, at once").isEqualTo(200);
        Eventually.converges("the other instance sees the grant", PATIENCE, () -> status(onSecond, token) == 200);

        assertThat(onFirst.send("DELETE", "/api/admin/grants/" + subject + "/admin", root, null, Map.of()).status())
                .isEqualTo(204);
        assertThat(status(onFirst, token)).as("the revoking instance, at once").isEqualTo(403);
        Eventually.converges("the other instance sees the revoke", PATIENCE, () -> status(onSecond, token) == 403);
    }

    @Test
    void givenARememberedToken_whenItExpires_thenItIsRefused() throws InterruptedException {
        Instant expires = Instant.now().plusSeconds(4);
        String token = hs256(claims(Who.unique("short-lived"), Duration.ZERO).expirationTime(Date.from(expires)).build());
        assertThat(status(onFirst, token, "/api/plugins")).isEqualTo(200);
        assertThat(first.application().context().getBean(VerifiedTokens.class).find(token, Instant.now()))
                .as("remembered by the server").isPresent();
        assertThat(status(onFirst, token, "/api/plugins")).as("now from the cache").isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis() + 1_100));

        assertThat(status(onFirst, token, "/api/plugins")).isEqualTo(401);
    }

    @Test
    void givenARememberedToken_whenOneByteOfItsSignatureIsChanged_thenTheAlteredOneIsRefused_andTheOriginalStillAccepted() {
        String token = hs256(claims(Who.unique("sibling"), Duration.ofMinutes(10)).build());
        assertThat(status(onFirst, token, "/api/plugins")).isEqualTo(200);

        assertThat(status(onFirst, Tokens.withOneSignatureByteChanged(token), "/api/plugins")).isEqualTo(401);
        assertThat(status(onFirst, token, "/api/plugins")).isEqualTo(200);
    }

    private static int status(ApiClient api, String token) {
        return status(api, token, AUDIT);
    }

    private static int status(ApiClient api, String token, String path) {
        return api.sendWithToken("GET", path, token, null, Map.of()).status();
    }

    private static boolean listening(FullStackServer server) {
        return server.application().context().getBean(GrantNotifications.class).listening();
    }

    private static JWTClaimsSet.Builder claims(String subject, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(validFor))).claim("roles", List.of());
    }

    private static String hs256(JWTClaimsSet claims) {
        return Tokens.hs256(claims, FullStackServer.JWT_SECRET);
    }
}
