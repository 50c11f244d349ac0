package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.util.concurrent.SubmissionPublisher;

import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.RUNS;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.WORKFLOWS;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.await;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.delivery;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.installedPlugin;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.now;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.signature;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.slug;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow runs over HTTP: a manual run that a worker's step completes, test mode, cancelling, and
 * the public webhook with its signature, replay and size checks (a refused delivery runs nothing).
 */
public abstract class WorkflowRunApiContract extends ApiContract {

    private static final String CLAIM = "/api/worker/runs/claim";

    private record Setup(Who owner, String plugin, String slug, JsonNode workflow) {
    }

    private Setup workflowOf(String extraFields) {
        Who owner = Who.newUser("olivia");
        String plugin = installedPlugin(this, owner);
        String slug = slug("flow");
        JsonNode workflow = ok(api().post(WORKFLOWS, owner, workflow(slug, plugin, extraFields)), 201);
        return new Setup(owner, plugin, slug, workflow);
    }

    private JsonNode run(Who who, String id) {
        return ok(api().get(RUNS + id, who), 200);
    }

    @Test
    void givenWorkflow_manualRun_is202AndCompletesWhenItsStepDoes() {
        Setup it = workflowOf(null);

        ApiResponse started = api().post(WORKFLOWS + "/" + it.slug() + "/runs", it.owner(),
                "{\"triggerData\": {\"text\": \"hello workflow\"}}");

        JsonNode run = ok(started, 202);
        String id = run.path("id").asText();
        assertThat(started.header("Location")).endsWith(RUNS + id);
        assertThat(run.path("workflow").asText()).isEqualTo(it.slug());
        assertThat(run.path("workflowId").asText()).isEqualTo(it.workflow().path("id").asText());
        assertThat(run.path("triggerType").asText()).isEqualTo("MANUAL");
        assertThat(run.path("triggerData").path("text").asText()).isEqualTo("hello workflow");
        assertThat(run.path("test").asBoolean()).isFalse();
        assertThat(run.path("stepRuns")).hasSize(1);

        Who worker = Who.newUser("worker").withRoles("worker");
        JsonNode claimed = await("the step's plugin run is queued", () -> ok(api().post(CLAIM, worker,
                "{\"plugins\": [\"" + it.plugin() + "\"], \"max\": 1, \"leaseSeconds\": 60}"), 200).path("runs"),
                runs -> runs.size() == 1);
        assertThat(claimed.get(0).path("input").path("text").asText()).isEqualTo("hello workflow");
        ok(api().post("/api/worker/runs/" + claimed.get(0).path("id").asText() + "/complete", worker,
                "{\"output\": {\"summary\": \"short\"}}"), 200);

        JsonNode done = await("the workflow run completes", () -> run(it.owner(), id),
                r -> r.path("status").asText().equals("completed"));
        assertThat(done.path("output").path("summary").asText()).isEqualTo("short");
        JsonNode step = done.path("stepRuns").get(0);
        assertThat(step.path("stepOrder").asInt()).isZero();
        assertThat(step.path("status").asText()).isEqualTo("completed");
        assertThat(step.path("input").path("text").asText()).isEqualTo("hello workflow");
        assertThat(step.path("pluginRunId").asText()).isEqualTo(claimed.get(0).path("id").asText());
        assertThat(done.path("durationMs").isNumber()).isTrue();
        assertThat(ok(api().get(WORKFLOWS + "/" + it.slug() + "/runs", it.owner()), 200).path("items"))
                .extracting(r -> r.path("id").asText()).containsExactly(id);
        problem(api().get(RUNS + id, Who.newUser("mallory")), 404);
    }

    @Test
    void givenRunWaitingForAWorker_cancel_cancelsItAndASecondCancelIs409() {
        // The step's plugin is external and no worker claims it here, so the run stays running until cancelled;
        // its trigger data satisfies the mapping, so the engine cannot fail the run first.
        Setup it = workflowOf(null);
        String id = ok(api().post(WORKFLOWS + "/" + it.slug() + "/runs", it.owner(),
                "{\"triggerData\": {\"text\": \"waits for a worker\"}}"), 202).path("id").asText();

        JsonNode cancelled = ok(api().post(RUNS + id + "/cancel", it.owner()), 200);

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(run(it.owner(), id).path("status").asText()).isEqualTo("cancelled");
        problem(api().post(RUNS + id + "/cancel", it.owner()), 409);
        problem(api().post(RUNS + id + "/cancel", Who.newUser("mallory")), 404);
    }

    @Test
    void givenSampleData_test_resolvesEachStepWithoutRunning_andExecuteQueuesATestRun() {
        Setup it = workflowOf(null);
        String path = WORKFLOWS + "/" + it.slug() + "/test";

        JsonNode report = ok(api().post(path, it.owner(), "{\"triggerData\": {\"text\": \"sample\"}}"), 200);

        JsonNode step = report.path("steps").get(0);
        assertThat(step.path("order").asInt()).isZero();
        assertThat(step.path("name").asText()).isEqualTo("first");
        assertThat(step.path("plugin").asText()).isEqualTo(it.plugin());
        assertThat(step.path("wouldRun").asBoolean()).isTrue();
        assertThat(step.path("input").path("text").asText()).isEqualTo("sample");
        assertThat(step.path("error").isNull()).isTrue();
        assertThat(report.path("run").isNull()).as("nothing ran").isTrue();
        assertThat(ok(api().get(WORKFLOWS + "/" + it.slug() + "/runs", it.owner()), 200).path("items")).isEmpty();

        JsonNode executed = ok(api().post(path + "?execute=true", it.owner(), "{\"triggerData\": {\"text\": \"x\"}}"), 200);
        assertThat(executed.path("run").path("test").asBoolean()).isTrue();
        assertThat(problem(api().post(path + "?execute=maybe", it.owner(), "{}"), 400).path("detail").asText())
                .contains("execute");
    }

    @Test
    void givenWebhookWorkflow_signedDelivery_is202_andBadReplayedOrOversizedOnesRunNothing() {
        Setup it = workflowOf("\"triggerType\": \"WEBHOOK\", \"status\": \"ACTIVE\"");
        String secret = it.workflow().path("webhookSecret").asText();
        String id = it.workflow().path("id").asText();
        assertThat(secret).as("the secret is shown once, on creation").isNotBlank();
        JsonNode details = ok(api().get(WORKFLOWS + "/" + it.slug(), it.owner()), 200);
        assertThat(details.path("webhookUrl").asText()).endsWith("/hooks/" + id);
        assertThat(details.toString()).doesNotContain(secret);
        assertThat(details.has("webhookSecret")).isFalse();

        String body = "{\"text\": \"from the outside\"}";
        String timestamp = now();
        ApiResponse accepted = api().exchange("webhook", delivery(api(), id, "POST", timestamp,
                signature(secret, timestamp, body), BodyPublishers.ofString(body)));
        String runId = ok(accepted, 202).path("workflowRunId").asText();
        JsonNode run = run(it.owner(), runId);
        assertThat(run.path("triggerType").asText()).isEqualTo("WEBHOOK");
        assertThat(run.path("triggerData").path("text").asText()).isEqualTo("from the outside");

        assertThat(problem(api().exchange("replay", delivery(api(), id, "POST", timestamp,
                signature(secret, timestamp, body), BodyPublishers.ofString(body))), 401).path("code").asText())
                .isEqualTo("webhook_replay");
        String fresh = now();
        problem(api().exchange("bad signature", delivery(api(), id, "POST", fresh,
                signature("not-the-secret", fresh, body), BodyPublishers.ofString(body))), 401);
        problem(api().exchange("unsigned", delivery(api(), id, "POST", null, null, BodyPublishers.ofString(body))), 401);
        String big = "{\"text\": \"" + "x".repeat(70_000) + "\"}";
        problem(api().exchange("oversized", delivery(api(), id, "POST", fresh, signature(secret, fresh, big),
                BodyPublishers.ofString(big))), 413);
        problem(api().exchange("oversized, chunked", delivery(api(), id, "POST", fresh, signature(secret, fresh, big),
                chunked(big))), 413);
        problem(api().exchange("wrong method", delivery(api(), id, "PUT", fresh, signature(secret, fresh, body),
                BodyPublishers.ofString(body))), 405);
        problem(api().exchange("unknown workflow", delivery(api(), "00000000-0000-0000-0000-000000000000", "POST",
                fresh, signature(secret, fresh, body), BodyPublishers.ofString(body))), 404);

        assertThat(ok(api().get(WORKFLOWS + "/" + it.slug() + "/runs", it.owner()), 200).path("items"))
                .as("only the good delivery started a run").extracting(r -> r.path("id").asText()).containsExactly(runId);
    }

    /** A body sent without Content-Length (chunked), so only the endpoint itself can count it. */
    private static java.net.http.HttpRequest.BodyPublisher chunked(String text) {
        return BodyPublishers.fromPublisher(subscriber -> {
            SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
            publisher.subscribe(subscriber);
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 8192) {
                publisher.submit(ByteBuffer.wrap(bytes, at, Math.min(8192, bytes.length - at)));
            }
            publisher.close();
        });
    }
}
