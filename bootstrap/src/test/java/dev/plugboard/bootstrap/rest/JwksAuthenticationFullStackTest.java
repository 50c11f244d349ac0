package dev.plugboard.bootstrap.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.cli.PlugboardCommand;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import io.micronaut.configuration.picocli.MicronautFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server in JWKS mode, against a key endpoint on 127.0.0.1 with a real RS256 key pair:
 * only tokens signed by that key, for the configured issuer and audience, with live time claims,
 * get in; with trust-token-roles=false (the JWKS default) only Plugboard's grants give roles.
 */
class JwksAuthenticationFullStackTest {

    private static final String ISSUER = "https://idp.plugboard.test/realms/acme";
    private static final String AUDIENCE = "plugboard-api";

    private static JwksServer idp;
    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        idp = JwksServer.start();
        folder = FullStackServer.newFolder("plugboard-jwks-it");
        server = FullStackServer.start(folder, Map.of("plugboard.jwt.jwks-url", idp.url().toString(),
                "plugboard.auth.issuer", ISSUER, "plugboard.auth.audience", AUDIENCE));
        api = new ApiClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.application().close();
        }
        if (idp != null) {
            idp.close();
        }
        FullStackServer.delete(folder);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static int status(String token, String path) {
        return get(token, path).status();
    }

    private static ApiResponse get(String token, String path) {
        return api.sendWithToken("GET", path, token, null, Map.of());
    }

    @Test
    void givenTokenSignedByTheKeySetForTheIssuerAndAudience_itIsAccepted() {
        assertThat(status(idp.sign(claims("alice").build()), "/api/plugins")).isEqualTo(200);
    }

    @Test
    void givenTokenForAnotherIssuerOrAudience_itIsRefused() {
        assertThat(status(idp.sign(claims("alice").issuer("https://other-idp.test").build()), "/api/plugins")).isEqualTo(401);
        assertThat(status(idp.sign(claims("alice").issuer(null).build()), "/api/plugins")).isEqualTo(401);
        assertThat(status(idp.sign(claims("alice").audience("another-app").build()), "/api/plugins")).isEqualTo(401);
        assertThat(status(idp.sign(claims("alice").audience((String) null).build()), "/api/plugins")).isEqualTo(401);
    }

    @Test
    void givenTokenWithNoExpOrExpiredBeyondTheSkew_itIsRefused_butASkewOfSecondsIsForgiven() {
        Instant now = Instant.now();
        assertThat(status(idp.sign(claims("alice").expirationTime(null).build()), "/api/plugins")).isEqualTo(401);
        assertThat(status(idp.sign(claims("alice").expirationTime(Date.from(now.minusSeconds(120))).build()),
                "/api/plugins")).isEqualTo(401);
        assertThat(status(idp.sign(claims("alice").expirationTime(Date.from(now.minusSeconds(20))).build()),
                "/api/plugins")).isEqualTo(200);
    }

    @Test
    void givenUnsignedOrForgedToken_itIsRefused() {
        String unsigned = new PlainJWT(claims("alice").build()).serialize();
        String anotherKeySameKid = JwksServer.sign(claims("alice").build(), JwksServer.newKey());
        String hmacWithAGuessedSecret = hs256(claims("alice").build(), "a-secret-nobody-configured-of-32-bytes!!");

        assertThat(status(unsigned, "/api/plugins")).isEqualTo(401);
        assertThat(status(anotherKeySameKid, "/api/plugins")).isEqualTo(401);
        assertThat(status(hmacWithAGuessedSecret, "/api/plugins")).isEqualTo(401);
        ApiResponse refused = get(unsigned, "/api/plugins");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void givenTheLocalHs256Secret_itsTokensMustAlsoNameTheIssuerAndAudience() {
        assertThat(status(hs256(claims("alice").build(), FullStackServer.JWT_SECRET), "/api/plugins")).isEqualTo(200);
        assertThat(status(hs256(claims("alice").issuer(null).audience((String) null).build(), FullStackServer.JWT_SECRET),
                "/api/plugins")).isEqualTo(401);
    }

    @Test
    void givenAdminRoleInTheToken_itIsNotBelieved_untilTheRoleIsGrantedInPlugboard() {
        String subject = "jwks-admin-" + System.nanoTime();
        String token = idp.sign(claims(subject).claim("roles", List.of("admin"))
                .claim("realm_access", Map.of("roles", List.of("admin"))).build());
        assertThat(status(token, "/api/admin/audit")).isEqualTo(403);

        assertThat(cli("admins", "grant", subject)).isEqualTo(0);

        assertThat(status(token, "/api/admin/audit")).isEqualTo(200);
        ApiResponse grants = get(token, "/api/admin/grants?subject=" + subject);
        assertThat(grants.json().path("items").get(0).path("grantedBy").asText()).startsWith("operator:");

        assertThat(cli("admins", "revoke", subject)).isEqualTo(0);
        assertThat(status(token, "/api/admin/audit")).isEqualTo(403);
    }

    /** Runs a {@code plugboard} command in this server's context, on its database, as an operator would. */
    private static int cli(String... args) {
        CommandLine commandLine = PlugboardCommand.commandLine(new MicronautFactory(server.application().context()), args);
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        assertThat(err.toString()).isEmpty();
        return code;
    }

    private static String hs256(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
