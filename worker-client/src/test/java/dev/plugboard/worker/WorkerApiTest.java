package dev.plugboard.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the four calls read the server's answers, over real HTTP against a stand-in that answers what the
 * server can answer (the real server: {@code WorkerClientsFullStackTest} in bootstrap).
 */
class WorkerApiTest {

    private static final ClaimedRun RUN = new ClaimedRun("0b7e1d7e-0000-4000-8000-000000000001", "summarizer", "user:alice",
            1, null, null, "00-0b7e1d7e000040008000000000000001-00f067aa0ba902b7-01", null);

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String retryAfter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + exchange.getRequestHeaders().getFirst("traceparent") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WorkerApi api() {
        AtomicInteger tokens = new AtomicInteger();
        return new WorkerApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), () -> "t" + tokens.incrementAndGet(),
                Duration.ofSeconds(5));
    }

    @Test
    void givenPendingRuns_claim_sendsThePluginsAndLeaseAndReadsEachRun() throws IOException {
        body = """
                {"runs": [{"id": "r1", "plugin": "summarizer", "owner": "user:alice", "attempt": 2,
                  "input": {"text": "hi"}, "settings": {"apiKey": "sk-1"}, "traceparent": "00-ab-cd-01",
                  "lease": {"holder": "worker:w", "expiresAt": "2026-12-01T20:00:00Z"}}]}""";

        List<ClaimedRun> runs = api().claim(List.of("summarizer"), 3, Duration.ofSeconds(60));

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo("r1");
            assertThat(run.attempt()).isEqualTo(2);
            assertThat(run.input().path("text").asText()).isEqualTo("hi");
            assertThat(run.leaseExpiresAt()).hasToString("2026-12-01T20:00:00Z");
        });
        String request = seen.get(0);
        assertThat(request).startsWith("/api/worker/runs/claim Bearer t1 null ");
        assertThat(new ObjectMapper().readTree(request.substring(request.indexOf('{'))))
                .isEqualTo(new ObjectMapper().valueToTree(Map.of("plugins", List.of("summarizer"), "max", 3, "leaseSeconds", 60)));
    }

    @Test
    void givenAHeldRun_reports_askForTheTokenEachTimeAndCarryTheRunsTraceparent() {
        WorkerApi api = api();

        api.heartbeat(RUN, Duration.ofSeconds(30));
        api.complete(RUN, Map.of("summary", "short"));
        api.fail(RUN, "UPSTREAM_TIMEOUT", "slow", true);

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isEqualTo("/api/worker/runs/" + RUN.id() + "/heartbeat Bearer t1 " + RUN.traceparent()
                + " {\"leaseSeconds\":30}");
        assertThat(seen.get(1)).contains("/complete Bearer t2").endsWith("{\"output\":{\"summary\":\"short\"}}");
        assertThat(seen.get(2)).contains("/fail Bearer t3")
                .endsWith("{\"code\":\"UPSTREAM_TIMEOUT\",\"message\":\"slow\",\"retryable\":true}");
    }

    @Test
    void givenLeaseLost_heartbeat_throwsLeaseLostWithTheServersDetail() {
        status = 409;
        body = "{\"status\": 409, \"code\": \"lease_lost\", \"detail\": \"worker 'worker:w' no longer holds the lease\"}";

        assertThatThrownBy(() -> api().heartbeat(RUN, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(LeaseLostException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining(RUN.id()).hasMessageContaining("no longer holds the lease");
    }

    @Test
    void givenTheDatabaseDown_aCall_failsAsTransient() {
        status = 503;
        body = "{\"status\": 503, \"code\": \"DATABASE_UNAVAILABLE\", \"detail\": \"the database is unavailable\"}";

        assertThatThrownBy(() -> api().complete(RUN, Map.of()))
                .isInstanceOfSatisfying(WorkerApiException.class, e -> {
                    assertThat(e).isNotInstanceOf(LeaseLostException.class);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("DATABASE_UNAVAILABLE");
                    assertThat(e.isTransient()).isTrue();
                });
    }

    @Test
    void givenA429WithRetryAfter_theError_asksForAtLeastThatWait() {
        status = 429;
        body = "{\"status\": 429, \"code\": \"rate_limited\", \"detail\": \"too many requests\"}";
        retryAfter = "7";

        assertThatThrownBy(() -> api().claim(List.of("summarizer"), 1, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(WorkerApiException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.waitAtLeast(Duration.ofSeconds(1), Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.waitAtLeast(Duration.ofSeconds(30), Duration.ofMinutes(1))).as("a longer backoff wins")
                            .isEqualTo(Duration.ofSeconds(30));
                    assertThat(e.waitAtLeast(Duration.ofSeconds(1), Duration.ofSeconds(5))).as("capped").isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void givenRetryAfterAsAnHttpDateOrUnreadable_itIsReadOrIgnored() {
        status = 503;
        body = "{}";
        retryAfter = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(120));
        assertThatThrownBy(() -> api().complete(RUN, Map.of())).isInstanceOfSatisfying(WorkerApiException.class,
                e -> assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(
                        Duration.ofSeconds(100), Duration.ofSeconds(120))));

        retryAfter = "soon";
        assertThatThrownBy(() -> api().complete(RUN, Map.of())).isInstanceOfSatisfying(WorkerApiException.class,
                e -> assertThat(e.retryAfter()).isEmpty());

        retryAfter = "9223372036854775807";
        assertThatThrownBy(() -> api().complete(RUN, Map.of())).isInstanceOfSatisfying(WorkerApiException.class,
                e -> assertThat(e.waitAtLeast(Duration.ofSeconds(1), Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void givenNoServer_aCall_failsAsTransientNamingTheAddress() {
        WorkerApi api = api();
        server.stop(0);

        assertThatThrownBy(() -> api.claim(List.of("summarizer"), 1, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(WorkerApiException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessageContaining("no answer from http://127.0.0.1:");
    }

    @Test
    void givenAnAnswerThatIsNotJson_aCall_failsWithTheStatusAlone() {
        status = 502;
        body = "<html>Bad gateway</html>";

        assertThatThrownBy(() -> api().claim(List.of("summarizer"), 1, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(WorkerApiException.class, e -> {
                    assertThat(e.code()).isNull();
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessageContaining("502");
    }
}
