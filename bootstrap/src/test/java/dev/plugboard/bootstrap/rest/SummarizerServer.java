package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.worker.ClaimedRun;
import dev.plugboard.worker.RunFailure;
import dev.plugboard.worker.RunHandler;
import dev.plugboard.worker.Worker;
import dev.plugboard.worker.WorkerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server the worker tests share: the real application on PostgreSQL with only the summarizer of
 * {@code plugins/} (an external plugin) in its plugins folder, 5 s leases from its workers and the reaper
 * every 500 ms, so that recoveries are quick; started on first use, stopped when the test JVM exits.
 * Also the steps those tests take: install the summarizer, start runs, wait for a status, run a Java worker.
 */
final class SummarizerServer {

    static final Duration LEASE = Duration.ofSeconds(5);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String TEXT = "Plugboard is a plugin control plane. Workers run its external plugins. They claim runs.";

    private static FullStackServer server;
    private static ApiClient api;

    private SummarizerServer() {
    }

    static synchronized FullStackServer server() {
        if (server == null) {
            Path plugins = summarizerOnly();
            Path data = FullStackServer.newFolder("plugboard-workers");
            FullStackServer started = FullStackServer.start(data, Map.of(
                    "plugboard.plugins-dir", plugins.toString(), "plugboard.execution.reap-interval", "500ms"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.application().close();
                FullStackServer.delete(data);
                FullStackServer.delete(plugins);
            }, "plugboard-workers-shutdown"));
            server = started;
            api = new ApiClient(started);
        }
        return server;
    }

    static ApiClient api() {
        server();
        return api;
    }

    private static Path summarizerOnly() {
        try {
            Path plugins = Files.createTempDirectory("plugboard-workers-plugins");
            Files.createDirectories(plugins.resolve("summarizer"));
            Files.copy(Path.of("..", "plugins", "summarizer", "plugin.yaml"), plugins.resolve("summarizer/plugin.yaml"));
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Who newWorker(String prefix) {
        return Who.newUser(prefix).withRoles("worker");
    }

    static String tokenOf(Who who) {
        return api().tokens().of(who);
    }

    static Who ownerWithSummarizer(int maxSentences) {
        Who owner = Who.newUser("writer");
        ApiResponse installed = api().post("/api/user/plugins/summarizer/install", owner,
                "{\"settings\": {\"apiKey\": \"sk-worker-test-key\", \"maxSentences\": " + maxSentences + "}}");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        return owner;
    }

    static String startRun(Who owner, String text) {
        ApiResponse started = api().post("/api/user/plugins/summarizer/runs", owner, "{\"input\": {\"text\": \"" + text + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().path("id").asText();
    }

    static JsonNode run(Who owner, String id) {
        ApiResponse response = api().get("/api/user/runs/" + id, owner);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static JsonNode awaitStatus(Who owner, String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode run = run(owner, id);
        while (!run.path("status").asText().equals(status)) {
            assertThat(Instant.now()).as("run %s is %s in time; it is %s", id, status, run).isBefore(deadline);
            Thread.sleep(100);
            run = run(owner, id);
        }
        return run;
    }

    /** A Java worker of the summarizer with the short lease, polling often when idle. */
    static Worker javaWorker(Who worker, int concurrency, RunHandler handler) {
        return Worker.start(WorkerSettings.builder(server().baseUrl(), () -> tokenOf(worker), List.of("summarizer"))
                .concurrency(concurrency).lease(LEASE).idleBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .shutdownGrace(Duration.ofSeconds(10)).build(), handler);
    }

    /** The summarizer's work in Java: the first sentence, once the claim proved it carries the API key. */
    static Map<String, String> firstSentence(ClaimedRun run) throws RunFailure {
        if (!run.settings().path("apiKey").asText().startsWith("sk-")) {
            throw new RunFailure("NO_API_KEY", "the claim carried no API key", false);
        }
        return Map.of("summary", run.input().path("text").asText().split("(?<=\\.) ")[0]);
    }

    /** A Java worker that takes the run over, once it is pending again, and completes it. */
    static JsonNode finishedBy(Who worker, Who owner, String id) throws InterruptedException {
        try (Worker running = javaWorker(worker, 1, SummarizerServer::firstSentence)) {
            return awaitStatus(owner, id, "completed");
        }
    }
}
