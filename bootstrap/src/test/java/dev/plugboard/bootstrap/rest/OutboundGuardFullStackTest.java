package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.PlugboardApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builtin webhook through the real server on PostgreSQL, posting to an endpoint on 127.0.0.1:
 * refused with OUTBOUND_BLOCKED while the operator allows nothing, delivered once
 * {@code plugboard.outbound.allow} (PLUGBOARD_OUTBOUND_ALLOW) lets loopback through.
 */
class OutboundGuardFullStackTest {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;
    private Path data;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        endpoint.createContext("/hook", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        data = FullStackServer.newFolder("plugboard-outbound-it");
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
        FullStackServer.delete(data);
    }

    private static PlugboardApplication start(Path data, String allow) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("plugboard.data-dir", data.toString());
        overrides.put("plugboard.plugins-dir", data.resolve("plugins").toString());
        overrides.put("plugboard.jwt.secret", FullStackServer.JWT_SECRET);
        overrides.put("micronaut.server.port", -1);
        overrides.put("plugboard.execution.poll-interval", "50ms");
        if (allow != null) {
            overrides.put("plugboard.outbound.allow", allow);
        }
        return PlugboardApplication.start(overrides);
    }

    private static ApiClient api(PlugboardApplication application) {
        return new ApiClient(new ApiTarget() {
            @Override
            public URI baseUrl() {
                return application.uri();
            }

            @Override
            public String jwtSecret() {
                return FullStackServer.JWT_SECRET;
            }
        });
    }

    /** Starts a webhook run and waits for it to end. */
    private static JsonNode runToTheEnd(ApiClient api, Who who) throws InterruptedException {
        ApiResponse started = api.post("/api/user/plugins/webhook/runs", who, "{\"input\": {\"text\": \"hello\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode current = api.get("/api/user/runs/" + run, who).json();
            String status = current.path("status").asText();
            if (status.equals("completed") || status.equals("failed")) {
                return current;
            }
            assertThat(Instant.now()).as("run %s ends in time (now %s)", run, status).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void givenNoAllowList_aWebhookToLoopback_failsWithOutboundBlocked_andSucceedsOnceAllowed() throws Exception {
        Who alice = Who.newUser("alice");
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook?token=t0k3n";

        try (PlugboardApplication guarded = start(data, null)) {
            ApiClient api = api(guarded);
            ApiResponse installed = api.post("/api/user/plugins/webhook/install", alice,
                    "{\"settings\": {\"url\": \"" + url + "\", \"timeoutSeconds\": 5}}");
            assertThat(installed.status()).as(installed.toString()).isEqualTo(201);

            JsonNode refused = runToTheEnd(api, alice);

            assertThat(refused.path("status").asText()).isEqualTo("failed");
            assertThat(refused.path("error").path("code").asText()).isEqualTo("OUTBOUND_BLOCKED");
            assertThat(refused.path("error").path("message").asText())
                    .isEqualTo("outbound request to 127.0.0.1 (loopback) refused; allow it with PLUGBOARD_OUTBOUND_ALLOW");
            // Not retried: one attempt, and the endpoint never heard of it.
            assertThat(refused.path("attempt").asInt()).isEqualTo(1);
            assertThat(delivered).isEmpty();
        }

        try (PlugboardApplication allowing = start(data, "127.0.0.1/32")) {
            JsonNode sent = runToTheEnd(api(allowing), alice);

            assertThat(sent.path("status").asText()).as(sent.toString()).isEqualTo("completed");
            assertThat(sent.path("output").path("status").asInt()).isEqualTo(204);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0)).contains("hello");
        }
    }
}
