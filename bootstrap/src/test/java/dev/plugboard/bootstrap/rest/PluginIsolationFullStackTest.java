package dev.plugboard.bootstrap.rest;

import com.example.excerpt.ExcerptHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.isolation.PluginHosts;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.hostile.Chatter;
import dev.plugboard.hostile.Exiter;
import dev.plugboard.hostile.MemoryHog;
import dev.plugboard.hostile.Sleeper;
import dev.plugboard.hostile.Spinner;
import dev.plugboard.hostile.ThreadBomb;
import dev.plugboard.hostile.Thrower;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugin jars in plugin hosts, through the real server on PostgreSQL: the example plugin runs, and
 * each hostile plugin fails its run with the right code while the server keeps answering, a fresh
 * host serves the next run, and no host process or thread is left behind.
 */
class PluginIsolationFullStackTest {

    /** A liveness bound, not a benchmark: a server that stalls behind a plugin takes seconds. */
    private static final Duration LIVELY = Duration.ofSeconds(1);
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(45);
    /** The failures after which the host must not serve again. */
    private static final List<String> KILLS_ITS_HOST = List.of("TIMEOUT", "OUT_OF_MEMORY", "CPU_LIMIT", "HOST_CRASHED",
            "THREAD_LIMIT");

    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;

    static Stream<Arguments> hostilePlugins() {
        return Stream.of(
                Arguments.of("hostile-thrower", Thrower.class, List.<String>of(), "failed", "HANDLER_ERROR"),
                Arguments.of("hostile-sleeper", Sleeper.class, List.of("timeout: 2s"), "failed", "TIMEOUT"),
                Arguments.of("hostile-hog", MemoryHog.class, List.<String>of(), "failed", "OUT_OF_MEMORY"),
                Arguments.of("hostile-spinner", Spinner.class, List.of("cpu: 1s"), "failed", "CPU_LIMIT"),
                Arguments.of("hostile-exiter", Exiter.class, List.<String>of(), "failed", "HOST_CRASHED"),
                Arguments.of("hostile-threads", ThreadBomb.class, List.<String>of(), "failed", "THREAD_LIMIT"),
                Arguments.of("hostile-chatter", Chatter.class, List.<String>of(), "completed", null));
    }

    @BeforeAll
    static void startServerWithPluginDirectories() throws IOException {
        // Other suites' servers in this JVM may have host threads of their own: count only this server's.
        threadsBefore = hostThreadIds();
        folder = FullStackServer.newFolder("plugboard-isolation-it");
        Path plugins = folder.resolve("plugins");
        Path example = plugins.resolve("excerpt");
        Files.createDirectories(example);
        Path exampleSources = Path.of("..", "examples", "excerpt-plugin", "plugin");
        Files.copy(exampleSources.resolve("plugin.yaml"), example.resolve("plugin.yaml"));
        Files.copy(exampleSources.resolve("settings.schema.json"), example.resolve("settings.schema.json"));
        PluginDirectories.jarOfPackage(ExcerptHandler.class, example.resolve("excerpt.jar"));
        hostilePlugins().forEach(arguments -> {
            Object[] args = arguments.get();
            @SuppressWarnings("unchecked")
            List<String> extra = new java.util.ArrayList<>((List<String>) args[2]);
            extra.add("memory: 64m");
            extra.add("hosts: 1");
            if (extra.stream().noneMatch(line -> line.startsWith("timeout"))) {
                extra.add("timeout: 15s");
            }
            extra.add("retry: {maxAttempts: 1}");
            Path directory = PluginDirectories.processPlugin(plugins, (String) args[0], ((Class<?>) args[1]).getName(), extra);
            PluginDirectories.jarOfPackage((Class<?>) args[1], directory.resolve("plugin.jar"));
        });
        server = FullStackServer.start(folder, Map.of("plugboard.isolation.kill-grace", "300ms",
                "plugboard.execution.poll-interval", "50ms", "plugboard.execution.concurrency", 8));
        api = new ApiClient(server);
    }

    @AfterAll
    static void stopServer_leavesNoHostOrThreadBehind() throws InterruptedException {
        server.application().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((!PluginDirectories.hostProcesses().isEmpty() || hostThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        FullStackServer.delete(folder);
        assertThat(PluginDirectories.hostProcesses()).as("plugin host processes after shutdown").isEmpty();
        assertThat(hostThreads()).as("threads of the server that serve plugin hosts, after shutdown").isZero();
    }

    private static java.util.Set<Long> threadsBefore = java.util.Set.of();

    private static java.util.Set<Long> hostThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("plugin-host")).map(Thread::getId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static long hostThreads() {
        return hostThreadIds().stream().filter(id -> !threadsBefore.contains(id)).count();
    }

    @Test
    void givenExamplePluginPackage_run_completesInAHost_keepsItsStoreBetweenRuns_andRecordsItsUsage() throws Exception {
        Who alice = Who.newUser("alice");
        install(alice, "excerpt", "{\"settings\": {\"sentences\": 1}}");

        JsonNode first = finished(alice, start(alice, "excerpt", "{\"text\": \"Plugins run apart. The server stays up.\"}"));
        JsonNode second = finished(alice, start(alice, "excerpt", "{\"text\": \"Again.\"}"));

        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("completed");
        assertThat(first.path("output").path("summary").asText()).isEqualTo("Plugins run apart.");
        assertThat(first.path("output").path("runs").asLong()).isEqualTo(1);
        assertThat(second.path("output").path("runs").asLong()).as("the store written in the host is kept").isEqualTo(2);
        assertThat(api.get("/metrics", Who.anonymous()).body()).as("the live hosts gauge")
                .containsPattern("plugboard_plugin_hosts(\\{[^}]*})? [1-9]");
        Map<String, Long> usage = attemptUsage(first.path("id").asText());
        assertThat(usage.get("cpu_millis")).as("CPU time measured in the host").isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(usage.get("peak_memory_bytes")).as("peak heap measured in the host").isNotNull().isPositive();
    }

    /** The usage columns of a run's first attempt, read with plain JDBC. */
    private static Map<String, Long> attemptUsage(String runId) throws java.sql.SQLException {
        var context = server.application().context();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class),
                context.getProperty("datasources.default.username", String.class).orElse(""),
                context.getProperty("datasources.default.password", String.class).orElse(""));
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT cpu_time_ms, peak_memory_bytes FROM plugin_run_attempts WHERE run_id = ?::uuid AND attempt = 1")) {
            query.setString(1, runId);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the attempt row of run " + runId).isTrue();
                Map<String, Long> usage = new java.util.HashMap<>();
                usage.put("cpu_millis", (Long) row.getObject("cpu_time_ms"));
                usage.put("peak_memory_bytes", (Long) row.getObject("peak_memory_bytes"));
                return usage;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePlugins")
    void givenHostilePlugin_run_failsWithItsCode_serverStaysLively_andAFreshHostServesTheNextRun(
            String plugin, Class<?> handler, List<String> execution, String status, String code) {
        Who bob = Who.newUser("bob");
        install(bob, plugin, null);

        Watched hostile = watch(bob, start(bob, plugin, "{}"), handler.getName());

        assertThat(hostile.run().path("status").asText()).as(hostile.run().toString()).isEqualTo(status);
        if (code != null) {
            assertThat(hostile.run().path("error").path("code").asText()).isEqualTo(code);
            assertThat(hostile.run().path("error").path("message").asText()).isNotBlank();
        }
        assertThat(hostile.slowest()).as("slowest /health and run reads while " + plugin + " ran").isLessThan(LIVELY);
        JsonNode next = finished(bob, start(bob, plugin, "{\"behave\": true}"));
        assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("completed");
        assertThat(next.path("output").path("ok").asBoolean()).isTrue();
        if (KILLS_ITS_HOST.contains(String.valueOf(code))) {
            assertThat(hostile.hostPids()).as("the host that ran " + plugin + " was seen").isNotEmpty();
            assertThat(hostile.hostPids()).as("a fresh host serves the next run").doesNotContain(next.path("output").path("pid").asLong());
        }
        assertThat(PluginDirectories.hostProcesses().size()).as("hosts stay within execution.hosts per plugin")
                .isLessThanOrEqualTo((int) hostilePlugins().count() + 3);
        assertThat(server.application().context().getBean(PluginHosts.class).liveHosts())
                .isLessThanOrEqualTo((int) hostilePlugins().count() + 2);
    }

    private void install(Who who, String plugin, String body) {
        ApiResponse response = body == null ? api.post("/api/user/plugins/" + plugin + "/install", who)
                : api.post("/api/user/plugins/" + plugin + "/install", who, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private String start(Who who, String plugin, String input) {
        ApiResponse response = api.post("/api/user/plugins/" + plugin + "/runs", who, "{\"input\": " + input + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().path("id").asText();
    }

    private JsonNode finished(Who who, String id) {
        return watch(who, id, "-").run();
    }

    /** The run as it ended, the slowest round of requests while it ran, and the hosts of its plugin seen meanwhile. */
    private record Watched(JsonNode run, Duration slowest, java.util.Set<Long> hostPids) {
    }

    /** Polls the run until it ends, timing a /health check and the run read on each round. */
    private Watched watch(Who who, String id, String handlerClass) {
        java.util.Set<Long> hostPids = new java.util.HashSet<>();
        Duration slowest = Duration.ZERO;
        long deadline = System.nanoTime() + RUN_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            ApiResponse health = api.get("/health", Who.anonymous());
            ApiResponse run = api.get("/api/user/runs/" + id, who);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            PluginDirectories.hostProcesses().stream()
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(handlerClass)).orElse(false))
                    .forEach(p -> hostPids.add(p.pid()));
            String status = run.json().path("status").asText();
            if (List.of("completed", "failed", "cancelled").contains(status)) {
                return new Watched(run.json(), slowest, hostPids);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("run " + id + " did not end within " + RUN_DEADLINE);
    }
}
