package dev.plugboard.bootstrap.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.PlugboardApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/workflows.md end to end, on the real server and PostgreSQL over HTTP:
 * an event starts the workflow, an external worker completes the summarizer step, and the builtin
 * webhook step posts the summary to a receiver on loopback (allowed by configuration) only when the
 * message is long.
 */
class WorkedExampleFullStackTest {

    private static final String JWT_SECRET = "workflow-worked-example-secret-of-32-bytes-or-more";
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final List<String> delivered = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static Path data;
    private static PlugboardApplication server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hook", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        data = Files.createTempDirectory("plugboard-worked-example");
        Files.createDirectories(data.resolve("plugins/summarizer"));
        Files.copy(Path.of("../plugins/summarizer/plugin.yaml"), data.resolve("plugins/summarizer/plugin.yaml"));
        server = PlugboardApplication.start(Map.of("plugboard.data-dir", data.toString(),
                "plugboard.plugins-dir", data.resolve("plugins").toString(), "plugboard.jwt.secret", JWT_SECRET,
                "micronaut.server.port", -1, "plugboard.execution.poll-interval", "50ms",
                "plugboard.workflows.poll-interval", "50ms", "plugboard.outbound.allow", "127.0.0.1/32"));
        api = new ApiClient(new ApiTarget() {
            @Override
            public URI baseUrl() {
                return server.uri();
            }

            @Override
            public String jwtSecret() {
                return JWT_SECRET;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        receiver.stop(0);
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static JsonNode ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    @Test
    void anEventIsSummarizedByAWorkerAndOnlyLongMessagesArePostedToTheWebhook() throws Exception {
        Who alice = Who.newUser("alice");
        Who worker = Who.newUser("worker").withRoles("worker");
        ok(api.post("/api/user/plugins/summarizer/install", alice, "{\"settings\": {\"apiKey\": \"sk-worked-example\"}}"), 201);
        ok(api.post("/api/user/plugins/webhook/install", alice, "{\"settings\": {\"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\", \"timeoutSeconds\": 5}}"), 201);
        ok(api.post("/api/user/workflows", alice, """
                {"name": "Summarize and notify", "slug": "summarize-and-notify", "status": "ACTIVE",
                 "triggerType": "EVENT", "triggerConfig": {"eventType": "support.message"},
                 "steps": [
                   {"order": 0, "name": "summary", "plugin": "summarizer",
                    "inputMapping": {"text": "{{ trigger.data.text }}"}, "config": {"maxSentences": 1}},
                   {"order": 1, "plugin": "webhook", "condition": {"if": "size(trigger.data.text) > 40"},
                    "inputMapping": {"summary": "{{ steps.summary.summary }}", "length": "{{ size(trigger.data.text) }}",
                                     "from": "{{ ctx.userId }}"}, "onError": "retry", "maxRetries": 2}]}"""), 201);

        String longText = "Our invoices have been wrong for three months and nobody answers the phone.";
        JsonNode event = ok(api.post("/api/events", alice,
                "{\"type\": \"support.message\", \"data\": {\"text\": \"" + longText + "\"}}"), 202);
        String longRun = event.path("workflowRuns").path(0).asText();
        JsonNode claimed = claimOne(worker);
        assertThat(claimed.path("input").path("text").asText()).isEqualTo(longText);
        assertThat(claimed.path("settings").path("maxSentences").asInt()).as("the step's config, for this run only").isEqualTo(1);
        ok(api.post("/api/worker/runs/" + claimed.path("id").asText() + "/complete", worker,
                "{\"output\": {\"summary\": \"Invoices wrong; no answer.\"}}"), 200);
        JsonNode done = finished(alice, longRun);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("stepRuns").path(0).path("status").asText()).isEqualTo("completed");
        assertThat(done.path("stepRuns").path(1).path("status").asText()).isEqualTo("completed");
        assertThat(delivered).singleElement().satisfies(body -> assertThat(MAPPER.readTree(body)).isEqualTo(MAPPER.readTree(
                "{\"summary\": \"Invoices wrong; no answer.\", \"length\": " + longText.length() + ", \"from\": \""
                        + alice.user() + "\"}")));
        JsonNode summarizerRun = ok(api.get("/api/user/runs/" + done.path("stepRuns").path(0).path("pluginRunId").asText(),
                alice), 200);
        assertThat(summarizerRun.path("trigger").asText()).isEqualTo("workflow_step");

        JsonNode shortEvent = ok(api.post("/api/events", alice,
                "{\"type\": \"support.message\", \"data\": {\"text\": \"Thanks!\"}}"), 202);
        ok(api.post("/api/worker/runs/" + claimOne(worker).path("id").asText() + "/complete", worker,
                "{\"output\": {\"summary\": \"Thanks.\"}}"), 200);
        JsonNode skipped = finished(alice, shortEvent.path("workflowRuns").path(0).asText());
        assertThat(skipped.path("status").asText()).isEqualTo("completed");
        assertThat(skipped.path("stepRuns").path(1).path("status").asText()).isEqualTo("skipped");
        assertThat(skipped.path("stepRuns").path(1).path("conditionValue").asBoolean(true)).isFalse();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void theReadmesWorkflowExample_countsAMessageAndReportsTheStats() throws Exception {
        Who bob = Who.newUser("bob");
        ok(api.post("/api/user/plugins/analytics/install", bob, "{}"), 201);
        ok(api.post("/api/user/workflows", bob, """
                {
                  "name": "Count and report", "slug": "count-and-report", "status": "ACTIVE",
                  "steps": [{"order": 0, "plugin": "analytics",
                             "inputMapping": {"type": "message.received", "data": {"userId": "{{ trigger.data.from }}"}}},
                            {"order": 1, "plugin": "analytics", "inputMapping": {"action": "stats"}}]}"""), 201);
        JsonNode run = ok(api.post("/api/user/workflows/count-and-report/runs", bob, "{\"triggerData\": {\"from\": \"u2\"}}"), 202);

        JsonNode done = finished(bob, run.path("id").asText());

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("output").path("totalMessages").asInt()).isEqualTo(1);
        assertThat(done.path("output").path("uniqueUsers").asInt()).isEqualTo(1);
    }

    private static JsonNode claimOne(Who worker) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode claimed = ok(api.post("/api/worker/runs/claim", worker,
                    "{\"plugins\": [\"summarizer\"], \"max\": 1, \"leaseSeconds\": 30}"), 200);
            JsonNode runs = claimed.has("runs") ? claimed.path("runs") : claimed;
            if (runs.size() > 0) {
                return runs.path(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no summarizer run to claim");
    }

    private static JsonNode finished(Who who, String workflowRun) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode run = ok(api.get("/api/user/workflow-runs/" + workflowRun, who), 200);
            if (List.of("completed", "failed", "cancelled").contains(run.path("status").asText())) {
                return run;
            }
            assertThat(Instant.now()).as("workflow run %s ends in time: %s", workflowRun, run).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
