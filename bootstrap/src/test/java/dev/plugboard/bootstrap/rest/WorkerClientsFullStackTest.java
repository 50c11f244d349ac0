package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.worker.RunFailure;
import dev.plugboard.worker.Worker;
import dev.plugboard.worker.WorkerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Both worker clients against the real server, PostgreSQL and HTTP, on the summarizer plugin of
 * {@code plugins/}: the Java library ({@code plugboard-worker}) and the Python example, run by a real
 * {@code python3}, complete runs; a worker killed mid-run leaves its lease behind and the server's reaper
 * (every 500 ms here) gives the run back for another worker to finish; a Java worker shut down mid-run
 * gives it back itself. Leases are 5 s, the shortest the server grants, so that recoveries are quick.
 */
class WorkerClientsFullStackTest {

    private static final Path PLUGINS = summarizerOnly();
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TEXT = "Plugboard is a plugin control plane. Workers run its external plugins. They claim runs.";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("plugboard-workers", Map.of(
            "plugboard.plugins-dir", PLUGINS.toString(), "plugboard.execution.reap-interval", "500ms"));

    private static ApiClient api;

    @BeforeAll
    static void connect() {
        api = new ApiClient(SERVER.server());
    }

    @AfterAll
    static void removePlugins() {
        FullStackServer.delete(PLUGINS);
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

    private static Who ownerWithSummarizer(int maxSentences) {
        Who owner = Who.newUser("writer");
        ApiResponse installed = api.post("/api/user/plugins/summarizer/install", owner,
                "{\"settings\": {\"apiKey\": \"sk-worker-test-key\", \"maxSentences\": " + maxSentences + "}}");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        return owner;
    }

    private static String startRun(Who owner, String text) {
        ApiResponse started = api.post("/api/user/plugins/summarizer/runs", owner, "{\"input\": {\"text\": \"" + text + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().path("id").asText();
    }

    private static JsonNode run(Who owner, String id) {
        ApiResponse response = api.get("/api/user/runs/" + id, owner);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode awaitStatus(Who owner, String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode run = run(owner, id);
        while (!run.path("status").asText().equals(status)) {
            assertThat(Instant.now()).as("run %s is %s in time; it is %s", id, status, run).isBefore(deadline);
            Thread.sleep(100);
            run = run(owner, id);
        }
        return run;
    }

    private static String tokenOf(Who worker) {
        return api.tokens().of(worker);
    }

    private static Worker javaWorker(Who worker, int concurrency, dev.plugboard.worker.RunHandler handler) {
        return Worker.start(WorkerSettings.builder(SERVER.server().baseUrl(), () -> tokenOf(worker), List.of("summarizer"))
                .concurrency(concurrency).lease(LEASE).idleBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .shutdownGrace(Duration.ofSeconds(10)).build(), handler);
    }

    private static Map<String, String> firstSentence(dev.plugboard.worker.ClaimedRun run) throws RunFailure {
        if (!run.settings().path("apiKey").asText().startsWith("sk-")) {
            throw new RunFailure("NO_API_KEY", "the claim carried no API key", false);
        }
        return Map.of("summary", run.input().path("text").asText().split("(?<=\\.) ")[0]);
    }

    /** A Java worker that takes the run over, once it is pending again, and completes it. */
    private static JsonNode finishedBy(Who worker, Who owner, String id) throws InterruptedException {
        try (Worker running = javaWorker(worker, 1, WorkerClientsFullStackTest::firstSentence)) {
            return awaitStatus(owner, id, "completed");
        }
    }

    @Test
    void givenFourRuns_javaWorker_completesEachWithItsHandlersOutputAsThatWorker() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who worker = Who.newUser("java-worker").withRoles("worker");
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> startRun(owner, "Run " + i + " is short. " + TEXT)).toList();
        Map<String, Integer> handled = new ConcurrentHashMap<>();

        try (Worker running = javaWorker(worker, 2, run -> {
            handled.merge(run.id(), 1, Integer::sum);
            return firstSentence(run);
        })) {
            for (int i = 0; i < ids.size(); i++) {
                JsonNode done = awaitStatus(owner, ids.get(i), "completed");
                assertThat(done.path("output").path("summary").asText()).isEqualTo("Run " + i + " is short.");
                assertThat(done.path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText())
                        .containsExactly(tuple("worker:" + worker.user(), "completed"));
            }
        }
        assertThat(handled).as("each run handled once").containsOnlyKeys(ids).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void givenRuns_pythonWorker_summarizesThemAndExitsCleanlyOnSigterm() throws Exception {
        Who owner = ownerWithSummarizer(2);
        Who worker = Who.newUser("python-worker").withRoles("worker");
        List<String> ids = List.of(startRun(owner, TEXT), startRun(owner, "One. Two! Three? Four."));

        try (PythonWorkerProcess python = PythonWorkerProcess.start(SERVER.server().baseUrl(), tokenOf(worker),
                "--lease", "5", "--max-idle", "0.5")) {
            JsonNode first = awaitStatus(owner, ids.get(0), "completed");
            JsonNode second = awaitStatus(owner, ids.get(1), "completed");

            assertThat(first.path("output").path("summary").asText())
                    .isEqualTo("Plugboard is a plugin control plane. Workers run its external plugins.");
            assertThat(second.path("output").path("summary").asText()).isEqualTo("One. Two!");
            assertThat(first.path("attempts").get(0).path("executor").asText()).isEqualTo("worker:" + worker.user());
            assertThat(python.lines()).contains("completed " + ids.get(0), "completed " + ids.get(1));
            assertThat(python.stop()).as("exit code after SIGTERM").isZero();
            assertThat(python.lines()).last().isEqualTo("stopped");
        }
    }

    @Test
    void givenPythonWorkerKilledMidRun_reaper_givesTheRunBackAndTheJavaWorkerFinishesIt() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who doomed = Who.newUser("doomed-python").withRoles("worker");
        Who survivor = Who.newUser("java-survivor").withRoles("worker");
        String id = startRun(owner, TEXT);

        try (PythonWorkerProcess python = PythonWorkerProcess.start(SERVER.server().baseUrl(), tokenOf(doomed),
                "--lease", "5", "--max-idle", "0.5", "--work-seconds", "300")) {
            assertThat(python.awaitLine("claimed ", PATIENCE)).startsWith("claimed " + id);
            // Its heartbeats keep the run past the 5 s lease while it works.
            Thread.sleep(LEASE.plusSeconds(2).toMillis());
            JsonNode held = run(owner, id);
            assertThat(held.path("status").asText()).isEqualTo("processing");
            assertThat(held.path("lease").path("holder").asText()).isEqualTo("worker:" + doomed.user());

            python.kill();
        }
        JsonNode reaped = awaitStatus(owner, id, "pending");
        assertThat(reaped.path("error").path("code").asText()).isEqualTo("LEASE_EXPIRED");

        JsonNode done = finishedBy(survivor, owner, id);
        assertThat(done.path("output").path("summary").asText()).isEqualTo("Plugboard is a plugin control plane.");
        assertThat(done.path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText(),
                        a -> a.path("error").path("code").asText(null))
                .containsExactly(tuple("worker:" + doomed.user(), "failed", "LEASE_EXPIRED"),
                        tuple("worker:" + survivor.user(), "completed", null));
    }

    @Test
    void givenJavaWorkerShutDownMidRun_theRunIsGivenBackAndAnotherWorkerFinishesIt() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who stopping = Who.newUser("java-stopping").withRoles("worker");
        Who next = Who.newUser("java-next").withRoles("worker");
        String id = startRun(owner, TEXT);
        CountDownLatch claimed = new CountDownLatch(1);

        Worker hanging = javaWorker(stopping, 1, run -> {
            claimed.countDown();
            Thread.sleep(Duration.ofMinutes(5).toMillis()); // a handler that only an interrupt ends
            return Map.of();
        });
        assertThat(claimed.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread.sleep(LEASE.plusSeconds(2).toMillis()); // renewed past its first lease

        assertThat(run(owner, id).path("status").asText()).as("the lease was renewed").isEqualTo("processing");
        assertThat(hanging.shutdown(Duration.ofMillis(500))).as("the run did not finish within the grace").isFalse();

        JsonNode given = run(owner, id);
        assertThat(given.path("status").asText()).as("given back at once, not after the lease").isEqualTo("pending");
        assertThat(given.path("error").path("code").asText()).isEqualTo("WORKER_STOPPED");
        assertThat(finishedBy(next, owner, id).path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText())
                .containsExactly(tuple("worker:" + stopping.user(), "failed"), tuple("worker:" + next.user(), "completed"));
    }
}
