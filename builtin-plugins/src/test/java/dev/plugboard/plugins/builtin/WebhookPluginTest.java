package dev.plugboard.plugins.builtin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.adapter.outbound.GuardedOutboundHttp;
import dev.plugboard.adapter.outbound.OutboundPolicy;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPluginTest {

    private static final String SECRET = "s3cr3t-0123456789-abcdef";
    private static final JsonDocument INPUT = JsonDocument.parse("""
            {"type": "message.received", "data": {"userId": "u1", "text": "héllo \\"world\\"", "n": 3}}""");

    /** What the endpoint received. */
    private record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The test endpoint listens on 127.0.0.1, which the guard refuses unless allowed, as a developer would. */
    private static final GuardedOutboundHttp ALLOWING_LOOPBACK =
            new GuardedOutboundHttp(OutboundPolicy.defaults().withAllow("127.0.0.1/32"));
    private static final GuardedOutboundHttp GUARDED = new GuardedOutboundHttp(OutboundPolicy.defaults());

    private final WebhookPlugin plugin = new WebhookPlugin();
    private final TestContext context = new TestContext();
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> answer = new AtomicReference<>("");
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService serverThreads;
    private HttpServer server;

    @AfterAll
    static void closeClients() {
        ALLOWING_LOOPBACK.close();
        GUARDED.close();
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        context.outbound = ALLOWING_LOOPBACK;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        try {
            if (!delay.get().isZero()) {
                release.await(delay.get().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] reply = answer.get().getBytes(StandardCharsets.UTF_8);
        int code = status.get();
        if (code == 302) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
        }
        exchange.sendResponseHeaders(code, code == 204 || reply.length == 0 ? -1 : reply.length);
        if (reply.length > 0 && code != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private JsonDocument settings(Object... extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", url("/hooks/abc?token=t0k3n"));
        settings.put("method", "POST");
        settings.put("timeoutSeconds", 5);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put((String) extra[i], extra[i + 1]);
        }
        return JsonDocument.of(settings);
    }

    @Test
    void postsTheInputAsSignedJson() throws Exception {
        JsonDocument output = plugin.execute(INPUT, settings("secret", SECRET), context);

        assertThat(output.at("/status")).contains(200L);
        assertThat((Long) output.at("/durationMs").orElseThrow()).isNotNegative();
        assertThat(output.asMap()).containsOnlyKeys("status", "durationMs");
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/abc?token=t0k3n");
        assertThat(JsonDocument.parse(new String(request.body(), StandardCharsets.UTF_8))).isEqualTo(INPUT);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Plugboard-Run")).isEqualTo(context.runId().toString());
        assertThat(request.header("X-Plugboard-Signature")).isEqualTo("sha256=" + hmac(SECRET, request.body()));
        assertThat(request.header("X-Plugboard-Signature")).isNotEqualTo("sha256=" + hmac("another-secret-0000", request.body()));
        assertThat(new SettingsPolicy().violationsOf("webhook", "1.0.0", "output",
                plugin.manifest().outputSchema().orElseThrow(), output)).isEmpty();
        assertNoSecretIn(context.logged.toString(), output.toJson());
    }

    @Test
    void givenNoAllowList_aLoopbackEndpoint_isRefusedWithoutSending() {
        context.outbound = GUARDED;

        assertThatThrownBy(() -> plugin.execute(INPUT, settings("secret", SECRET), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("OUTBOUND_BLOCKED");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("127.0.0.1 (loopback)", "PLUGBOARD_OUTBOUND_ALLOW")
                            .doesNotContain("t0k3n");
                    assertNoSecretIn(failure.getMessage(), context.logged.toString());
                });
        assertThat(received).isEmpty();
        assertThat(plugin.manifest().execution().retry().isRetryable("OUTBOUND_BLOCKED")).isFalse();
    }

    @Test
    void aContextWithoutAGuardedClient_reachesNothing() {
        context.outbound = dev.plugboard.application.spi.OutboundHttp.refusingAll();

        assertThatThrownBy(() -> plugin.execute(INPUT, settings(), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("OUTBOUND_UNAVAILABLE");
                    assertThat(failure.retryable()).isFalse();
                });
        assertThat(received).isEmpty();
    }

    @Test
    void sendsNoSignatureWithoutASecret() throws Exception {
        plugin.execute(INPUT, settings(), context);

        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request.header("X-Plugboard-Signature")).isNull();
        assertThat(request.header("X-Plugboard-Run")).isEqualTo(context.runId().toString());
    }

    @Test
    void usesPutWhenAsked() throws Exception {
        status.set(204);

        JsonDocument output = plugin.execute(INPUT, settings("method", "PUT"), context);

        assertThat(output.at("/status")).contains(204L);
        assertThat(received.poll(5, TimeUnit.SECONDS).method()).isEqualTo("PUT");
    }

    @Test
    void appliesDefaultsWhenSettingsOmitThem() throws Exception {
        JsonDocument output = plugin.execute(INPUT, JsonDocument.of(Map.of("url", url("/"))), context);

        assertThat(output.at("/status")).contains(200L);
        assertThat(received.poll(5, TimeUnit.SECONDS).method()).isEqualTo("POST");
    }

    @Test
    void aClientErrorIsNotRetried() {
        status.set(404);
        answer.set("{\"error\": \"no such hook\"}");

        assertThatThrownBy(() -> plugin.execute(INPUT, settings("secret", SECRET), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_4XX");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("404", "no such hook", "127.0.0.1")
                            .doesNotContain("t0k3n");
                    assertNoSecretIn(failure.getMessage(), context.logged.toString());
                });
        assertThat(plugin.manifest().execution().retry().isRetryable("HTTP_4XX")).isFalse();
    }

    @Test
    void aServerErrorIsRetried() {
        status.set(503);

        assertThatThrownBy(() -> plugin.execute(INPUT, settings(), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_5XX");
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).contains("503");
                });
    }

    @Test
    void keepsOnlyTheStartOfALongErrorBody() {
        status.set(500);
        answer.set("x".repeat(100_000));

        assertThatThrownBy(() -> plugin.execute(INPUT, settings(), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_5XX");
                    assertThat(failure.getMessage()).hasSizeLessThan(400).contains("x".repeat(200));
                });
    }

    @Test
    void doesNotFollowRedirects() {
        status.set(302);

        assertThatThrownBy(() -> plugin.execute(INPUT, settings(), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_UNEXPECTED_STATUS");
                    assertThat(failure.retryable()).isFalse();
                });
    }

    @Test
    void anUnreachableEndpointIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        JsonDocument settings = JsonDocument.of(Map.of("url", "http://127.0.0.1:" + closedPort + "/hook",
                "timeoutSeconds", 2, "secret", SECRET));

        assertThatThrownBy(() -> plugin.execute(INPUT, settings, context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_UNREACHABLE");
                    assertThat(failure.retryable()).isTrue();
                    assertNoSecretIn(failure.getMessage());
                });
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsRetried() {
        delay.set(Duration.ofSeconds(20));
        long started = System.nanoTime();

        assertThatThrownBy(() -> plugin.execute(INPUT, settings("timeoutSeconds", 1), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HTTP_UNREACHABLE");
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).contains("1 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stopsAtOnceWhenInterrupted() throws Exception {
        delay.set(Duration.ofSeconds(30));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                plugin.execute(INPUT, settings("timeoutSeconds", 60), context);
                outcome.set(new AssertionError("returned normally"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        runner.start();
        assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();

        long interrupted = System.nanoTime();
        runner.interrupt();
        runner.join(5_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"url\": \"ftp://example.org/hook\"}",
            "{\"url\": 42}",
            "{\"url\": \"http://\"}",
            "{\"url\": \"http://example.org/a b\"}",
            "{\"url\": \"http://127.0.0.1/\", \"method\": \"GET\"}",
            "{\"url\": \"http://127.0.0.1/\", \"timeoutSeconds\": 0}",
            "{\"url\": \"http://127.0.0.1/\", \"timeoutSeconds\": 61}",
            "{\"url\": \"http://127.0.0.1/\", \"secret\": \"short-secret\"}"
    })
    void refusesUnusableSettingsWithoutSending(String settings) {
        assertThatThrownBy(() -> plugin.execute(INPUT, JsonDocument.parse(settings), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("INVALID_SETTINGS");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).doesNotContain("short-secret");
                });
        assertThat(received).isEmpty();
    }

    private static void assertNoSecretIn(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET);
        }
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
