package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server of its own with a tiny rate limit and one allowed browser origin: over the limit is a
 * 429 problem with {@code Retry-After}, for that caller only; CORS answers the allowed origin
 * only, and the shared server (no origins configured) answers none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitAndCorsFullStackTest {

    private static final String ORIGIN = "https://console.example.test";

    private Path folder;
    private FullStackServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        folder = FullStackServer.newFolder("plugboard-limits");
        server = FullStackServer.start(folder, Map.of("plugboard.rate-limit.requests", "3",
                "plugboard.rate-limit.period", "1h", "plugboard.rate-limit.burst", "3",
                "plugboard.cors.allowed-origins", ORIGIN));
        api = new ApiClient(server);
    }

    @AfterAll
    void stop() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    @Test
    void givenACallerOverTheLimit_itGets429WithRetryAfter_andOthersDoNot() {
        Who alice = Who.newUser("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/plugins", alice).status()).as("request %d is within the burst", i + 1).isEqualTo(200);
        }

        ApiResponse refused = api.get("/api/plugins", alice);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        JsonNode problem = refused.json();
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("code").asText()).isEqualTo("too_many_requests");
        assertThat(problem.path("detail").asText()).contains("retry after");
        assertThat(refused.header("X-Content-Type-Options")).as("a refusal carries the headers too").isEqualTo("nosniff");
        assertThat(api.get("/api/plugins", Who.newUser("bob")).status()).as("bob has his own allowance").isEqualTo(200);
    }

    @Test
    void givenAnAllowedOrigin_aPreflight_isAnswered_andAnotherOriginIsNot() {
        ApiResponse allowed = preflight(api, ORIGIN);
        ApiResponse other = preflight(api, "https://evil.example.test");

        assertThat(allowed.header("Access-Control-Allow-Origin")).as(allowed.toString()).isEqualTo(ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
        assertThat(other.header("Access-Control-Allow-Origin")).as(other.toString()).isNull();
    }

    @Test
    void givenNoOriginsConfigured_corsIsOff() {
        ApiClient shared = new ApiClient(FullStackServer.shared());

        ApiResponse preflight = preflight(shared, ORIGIN);

        assertThat(preflight.header("Access-Control-Allow-Origin")).as(preflight.toString()).isNull();
    }

    private static ApiResponse preflight(ApiClient client, String origin) {
        return client.sendWithToken("OPTIONS", "/api/plugins", null, null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
    }
}
