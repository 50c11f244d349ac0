package dev.plugboard.bootstrap.rest;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plugboard.adapter.rest.contract.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWKS mode with token roles trusted on purpose, read from Keycloak's nested claim
 * ({@code plugboard.auth.roles-claim=realm_access.roles}): that claim gives roles, a top-level
 * {@code roles} claim no longer does.
 */
class TrustedNestedRolesFullStackTest {

    private static final String ISSUER = "https://idp.plugboard.test/realms/acme";
    private static final String AUDIENCE = "plugboard-api";

    private static JwksServer idp;
    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        idp = JwksServer.start();
        folder = FullStackServer.newFolder("plugboard-nested-roles-it");
        server = FullStackServer.start(folder, Map.of("plugboard.jwt.jwks-url", idp.url().toString(),
                "plugboard.auth.issuer", ISSUER, "plugboard.auth.audience", AUDIENCE,
                "plugboard.auth.trust-token-roles", "true", "plugboard.auth.roles-claim", "realm_access.roles"));
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

    private static int audit(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        String token = idp.sign(claims.issuer(ISSUER).audience(AUDIENCE).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).build());
        return api.sendWithToken("GET", "/api/admin/audit", token, null, Map.of()).status();
    }

    @Test
    void givenAdminInTheConfiguredNestedClaim_theAdminEndpointAnswers() {
        assertThat(audit(new JWTClaimsSet.Builder().subject("kc-admin")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "admin"))))).isEqualTo(200);
    }

    @Test
    void givenAdminOnlyInAnotherClaim_itIsForbidden() {
        assertThat(audit(new JWTClaimsSet.Builder().subject("kc-user").claim("roles", List.of("admin"))
                .claim("realm_access", Map.of("roles", List.of("offline_access"))))).isEqualTo(403);
    }
}
