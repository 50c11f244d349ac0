package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External workers: claim, heartbeat, complete, fail; a lost lease is 409; secrets reach workers
 * in the claim and nowhere else. Every test registers a plugin of its own, so its claims only ever
 * see its own runs, whatever else the server holds.
 */
public abstract class WorkerApiContract extends ApiContract {

    private static final String CLAIM = "/api/worker/runs/claim";

    private final Who admin = Who.newAdmin();

    /** A fresh external plugin installed for a fresh owner, whose secret API key only a worker may see. */
    private record Installed(String plugin, Who owner, String apiKey) {
    }

    private Installed installed() {
        String plugin = Who.unique("contract-ext");
        ContractPlugins.register(api(), admin, ContractPlugins.external(plugin, "contract.unused"));
        Who owner = Who.newUser("olivia");
        // Not registered with secret(): it must come back, in the claim and only there.
        String apiKey = Who.unique("worker-s3cr3t");
        install(owner, plugin, "{\"settings\": {\"endpoint\": \"https://example.test\", \"apiKey\": \"" + apiKey + "\"}}");
        return new Installed(plugin, owner, apiKey);
    }

    private static Who newWorker() {
        return Who.newUser("worker").withRoles("worker");
    }

    private JsonNode claim(Who worker, String plugin, int max) {
        return ok(api().post(CLAIM, worker, "{\"plugins\": [\"" + plugin + "\"], \"max\": " + max
                + ", \"leaseSeconds\": 60}"), 200).path("runs");
    }

    private static String runPath(String id, String action) {
        return "/api/worker/runs/" + id + "/" + action;
    }

    private JsonNode leaseLost(ApiResponse response) {
        JsonNode problem = problem(response, 409);
        assertThat(problem.path("code").asText()).as(response.toString()).isEqualTo("lease_lost");
        return problem;
    }

    @Test
    void givenRunStartedWithACallersTraceparent_claim_handsTheWorkerThatTraceWithANewSpan() {
        Installed it = installed();
        Who worker = newWorker();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String joined = ok(api().send("POST", "/api/user/plugins/" + it.plugin() + "/runs", it.owner(),
                "{\"input\": {\"text\": \"hello\"}}", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")), 202)
                .path("id").asText();
        String invalid = ok(api().send("POST", "/api/user/plugins/" + it.plugin() + "/runs", it.owner(),
                "{\"input\": {\"text\": \"hello\"}}", Map.of("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")), 202)
                .path("id").asText();

        JsonNode runs = claim(worker, it.plugin(), 5);

        Map<String, String> traceparents = new java.util.HashMap<>();
        runs.forEach(run -> traceparents.put(run.path("id").asText(), run.path("traceparent").asText()));
        assertThat(traceparents.get(joined)).as("the caller's trace, a span of the run's own")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
        assertThat(traceparents.get(invalid)).as("an invalid traceparent is ignored: the run's own trace")
                .matches("00-" + invalid.replace("-", "") + "-[0-9a-f]{16}-01");
    }

    @Test
    void givenPendingRun_claimHeartbeatComplete_completesItWithTheWorkersOutput() {
        Installed it = installed();
        Who worker = newWorker();
        String id = startRun(it.owner(), it.plugin()).path("id").asText();

        JsonNode runs = claim(worker, it.plugin(), 5);

        assertThat(runs).hasSize(1);
        JsonNode claimed = runs.get(0);
        assertThat(claimed.path("id").asText()).isEqualTo(id);
        assertThat(claimed.path("status").asText()).isEqualTo("processing");
        assertThat(claimed.path("owner").asText()).isEqualTo(it.owner().owner());
        assertThat(claimed.path("attempt").asInt()).isEqualTo(1);
        assertThat(claimed.path("input").path("text").asText()).isEqualTo("hello");
        assertThat(claimed.path("settings").path("endpoint").asText()).isEqualTo("https://example.test");
        assertThat(claimed.path("settings").path("apiKey").asText()).isEqualTo(it.apiKey());
        assertThat(claimed.path("lease").path("holder").asText()).isEqualTo("worker:" + worker.user());
        // W3C trace context for the worker's own calls: the trace id is the run id's hex digits.
        assertThat(claimed.path("traceparent").asText()).matches("00-" + id.replace("-", "") + "-[0-9a-f]{16}-01");
        Instant claimedUntil = Instant.parse(claimed.path("lease").path("expiresAt").asText());
        assertThat(claimedUntil).isAfter(Instant.parse(claimed.path("startedAt").asText()));
        assertThat(claim(worker, it.plugin(), 5)).as("nothing left to claim").isEmpty();

        JsonNode beating = ok(api().post(runPath(id, "heartbeat"), worker, "{\"leaseSeconds\": 600}"), 200);

        assertThat(beating.path("status").asText()).isEqualTo("processing");
        assertThat(beating.path("lease").path("holder").asText()).isEqualTo("worker:" + worker.user());
        assertThat(Instant.parse(beating.path("lease").path("expiresAt").asText())).isAfter(claimedUntil);
        assertThat(beating.has("settings")).as("settings travel in the claim only").isFalse();
        ok(api().post(runPath(id, "heartbeat"), worker), 200); // no body: the default lease

        JsonNode done = ok(api().post(runPath(id, "complete"), worker, "{\"output\": {\"delivered\": true}}"), 200);

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("output").path("delivered").asBoolean()).isTrue();
        assertThat(done.path("lease").isNull()).isTrue();
        assertThat(done.path("completedAt").asText()).endsWith("Z");
        JsonNode seen = ok(api().get("/api/user/runs/" + id, it.owner()), 200);
        assertThat(seen.path("status").asText()).isEqualTo("completed");
        assertThat(seen.path("output").path("delivered").asBoolean()).isTrue();
        JsonNode installation = ok(api().get("/api/user/plugins/" + it.plugin(), it.owner()), 200);
        assertThat(installation.path("executionCount").asLong()).isEqualTo(1);
        assertThat(installation.path("lastExecutedAt").asText()).endsWith("Z");
    }

    @Test
    void givenRunsAWorkerFailedAndCompleted_getRun_showsEachAttemptWithOutcomeErrorAndWorker() {
        Installed it = installed();
        Who worker = newWorker();
        String failing = startRun(it.owner(), it.plugin()).path("id").asText();
        String passing = startRun(it.owner(), it.plugin()).path("id").asText();
        String waiting = startRun(it.owner(), it.plugin()).path("id").asText();
        assertThat(claim(worker, it.plugin(), 2)).hasSize(2);
        ok(api().post(runPath(failing, "fail"), worker,
                "{\"code\": \"UPSTREAM_DOWN\", \"message\": \"503 from upstream\", \"retryable\": false}"), 200);
        ok(api().post(runPath(passing, "complete"), worker, "{\"output\": {}}"), 200);

        JsonNode failed = ok(api().get("/api/user/runs/" + failing, it.owner()), 200);
        JsonNode completed = ok(api().get("/api/user/runs/" + passing, it.owner()), 200);
        JsonNode pending = ok(api().get("/api/user/runs/" + waiting, it.owner()), 200);

        assertThat(failed.path("status").asText()).as("the run's own fields are still there").isEqualTo("failed");
        assertThat(failed.path("attempts")).hasSize(1);
        JsonNode attempt = failed.path("attempts").get(0);
        assertThat(attempt.path("number").asInt()).isEqualTo(1);
        assertThat(attempt.path("outcome").asText()).isEqualTo("failed");
        assertThat(attempt.path("error").path("code").asText()).isEqualTo("UPSTREAM_DOWN");
        assertThat(attempt.path("error").path("message").asText()).isEqualTo("503 from upstream");
        assertThat(attempt.path("executor").asText()).isEqualTo("worker:" + worker.user());
        assertThat(attempt.path("startedAt").asText()).endsWith("Z");
        assertThat(attempt.path("endedAt").asText()).endsWith("Z");
        assertThat(attempt.has("cpuTimeMillis")).as("present, null until measured").isTrue();
        assertThat(attempt.path("cpuTimeMillis").isNull()).isTrue();
        assertThat(attempt.path("peakMemoryBytes").isNull()).isTrue();
        JsonNode success = completed.path("attempts").get(0);
        assertThat(success.path("outcome").asText()).isEqualTo("completed");
        assertThat(success.path("error").isNull()).isTrue();
        assertThat(pending.path("attempts")).as("a pending run has not been attempted").isEmpty();
        assertThat(ok(api().get("/api/user/runs?limit=1", it.owner()), 200).path("items").get(0).has("attempts"))
                .as("only a single run shows its attempts").isFalse();
    }

    @Test
    void givenClaimedRun_secretsAppearInTheClaimAndInNoOtherResponse() {
        Installed it = installed();
        Who worker = newWorker();
        String id = startRun(it.owner(), it.plugin()).path("id").asText();
        int before = api().seen().size();

        ApiResponse claim = api().post(CLAIM, worker, "{\"plugins\": [\"" + it.plugin() + "\"]}");
        api().get("/api/user/runs", it.owner());
        api().get("/api/user/runs/" + id, it.owner());
        api().get("/api/user/plugins", it.owner());
        api().get("/api/user/plugins/" + it.plugin(), it.owner());
        api().post(runPath(id, "heartbeat"), worker, "{}");
        api().post(runPath(id, "complete"), worker, "{\"output\": {}}");
        api().get("/api/user/runs/" + id, it.owner());
        api().get("/api/admin/audit?limit=200", admin);
        api().post(runPath(id, "complete"), worker, "{}");

        assertThat(claim.body()).contains(it.apiKey());
        List<ApiResponse> others = new ArrayList<>(api().seen().subList(before, api().seen().size()));
        others.removeIf(response -> response == claim);
        assertThat(others).hasSize(9).allSatisfy(response ->
                assertThat(response.body()).as(response.request()).doesNotContain(it.apiKey()));
        assertThat(ok(api().get("/api/user/plugins/" + it.plugin(), it.owner()), 200).path("settings").path("apiKey")
                .asText()).isEqualTo("(set)");
    }

    @Test
    void givenAnotherWorkersRun_heartbeatCompleteAndFail_are409LeaseLost() {
        Installed it = installed();
        Who holder = newWorker();
        Who intruder = newWorker();
        startRun(it.owner(), it.plugin());
        String id = claim(holder, it.plugin(), 1).get(0).path("id").asText();

        leaseLost(api().post(runPath(id, "heartbeat"), intruder, "{}"));
        leaseLost(api().post(runPath(id, "complete"), intruder, "{\"output\": {\"by\": \"intruder\"}}"));
        JsonNode problem = leaseLost(api().post(runPath(id, "fail"), intruder, "{\"code\": \"BOOM\"}"));

        assertThat(problem.path("detail").asText()).contains(id).contains(intruder.user());
        JsonNode done = ok(api().post(runPath(id, "complete"), holder, "{\"output\": {\"by\": \"holder\"}}"), 200);
        assertThat(done.path("output").path("by").asText()).isEqualTo("holder");
    }

    @Test
    void givenEndedOrCancelledRun_theStaleWorker_is409LeaseLost_andTheRunEndsOnce() {
        Installed it = installed();
        Who worker = newWorker();
        startRun(it.owner(), it.plugin());
        startRun(it.owner(), it.plugin());
        JsonNode runs = claim(worker, it.plugin(), 2);
        String completed = runs.get(0).path("id").asText();
        String cancelled = runs.get(1).path("id").asText();
        ok(api().post(runPath(completed, "complete"), worker, "{\"output\": {\"n\": 1}}"), 200);
        ok(api().post("/api/user/runs/" + cancelled + "/cancel", it.owner()), 200);

        leaseLost(api().post(runPath(completed, "heartbeat"), worker, "{}"));
        leaseLost(api().post(runPath(completed, "complete"), worker, "{\"output\": {\"n\": 2}}"));
        leaseLost(api().post(runPath(completed, "fail"), worker, "{\"code\": \"BOOM\"}"));
        leaseLost(api().post(runPath(cancelled, "heartbeat"), worker, "{}"));
        leaseLost(api().post(runPath(cancelled, "complete"), worker, "{}"));

        JsonNode once = ok(api().get("/api/user/runs/" + completed, it.owner()), 200);
        assertThat(once.path("status").asText()).isEqualTo("completed");
        assertThat(once.path("output").path("n").asInt()).isEqualTo(1);
        assertThat(ok(api().get("/api/user/runs/" + cancelled, it.owner()), 200).path("status").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void givenRetryableFailure_theRunWaitsOutItsBackoff_andFailsForGoodOnTheLastAttempt() throws InterruptedException {
        Installed it = installed();
        Who worker = newWorker();
        String id = startRun(it.owner(), it.plugin()).path("id").asText();
        claim(worker, it.plugin(), 1);

        JsonNode retried = ok(api().post(runPath(id, "fail"), worker,
                "{\"code\": \"UPSTREAM_DOWN\", \"message\": \"the endpoint answered 503\"}"), 200);

        assertThat(retried.path("status").asText()).isEqualTo("pending");
        assertThat(retried.path("attempt").asInt()).isEqualTo(1);
        assertThat(retried.path("error").path("code").asText()).isEqualTo("UPSTREAM_DOWN");
        assertThat(retried.path("lease").isNull()).isTrue();
        assertThat(Instant.parse(retried.path("availableAt").asText()))
                .isAfter(Instant.parse(retried.path("createdAt").asText()));
        assertThat(claim(worker, it.plugin(), 1)).as("still backing off").isEmpty();

        JsonNode again = claimWithin(worker, it.plugin(), 10_000);
        assertThat(again.path("id").asText()).isEqualTo(id);
        assertThat(again.path("attempt").asInt()).isEqualTo(2);
        JsonNode failed = ok(api().post(runPath(id, "fail"), worker, "{\"code\": \"UPSTREAM_DOWN\"}"), 200);

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("attempt").asInt()).isEqualTo(2);
        assertThat(failed.path("error").path("message").asText()).isEqualTo("UPSTREAM_DOWN");
        assertThat(failed.path("completedAt").asText()).endsWith("Z");
        assertThat(ok(api().get("/api/user/plugins/" + it.plugin(), it.owner()), 200).path("lastError").asText())
                .contains("UPSTREAM_DOWN");
    }

    private JsonNode claimWithin(Who worker, String plugin, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode runs = claim(worker, plugin, 1);
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run of " + plugin + " became claimable within " + millis + " ms");
    }

    @Test
    void givenNonRetryableFailure_theRunFailsAtOnce() {
        Installed it = installed();
        Who worker = newWorker();
        startRun(it.owner(), it.plugin());
        startRun(it.owner(), it.plugin());
        JsonNode runs = claim(worker, it.plugin(), 2);

        JsonNode refused = ok(api().post(runPath(runs.get(0).path("id").asText(), "fail"), worker,
                "{\"code\": \"UPSTREAM_DOWN\", \"message\": \"gone\", \"retryable\": false}"), 200);
        JsonNode listed = ok(api().post(runPath(runs.get(1).path("id").asText(), "fail"), worker,
                "{\"code\": \"BAD_PAYLOAD\", \"message\": \"the plugin's manifest never retries this\"}"), 200);

        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("error").path("message").asText()).isEqualTo("gone");
        assertThat(listed.path("status").asText()).isEqualTo("failed");
        assertThat(listed.path("error").path("code").asText()).isEqualTo("BAD_PAYLOAD");
    }

    @Test
    void givenBadClaims_theyAre400_andAnUnknownPluginIs404() {
        Who worker = newWorker();
        String inProcess = Who.unique("contract-inproc");
        ContractPlugins.register(api(), admin, ContractPlugins.inProcess(inProcess));

        problem(api().post(CLAIM, worker), 400);
        problem(api().post(CLAIM, worker, "{}"), 400);
        problem(api().post(CLAIM, worker, "{\"plugins\": []}"), 400);
        problem(api().post(CLAIM, worker, "{\"plugins\": [\"Bad_Name\"]}"), 400);
        problem(api().post(CLAIM, worker, "{\"plugins\": [\"" + ContractPlugins.NOTES + "\"], \"max\": 0}"), 400);
        problem(api().post(CLAIM, worker, "{\"plugins\": [\"" + ContractPlugins.NOTES + "\"], \"max\": 101}"), 400);
        problem(api().post(CLAIM, worker, "{\"plugins\": [\"" + ContractPlugins.NOTES + "\"], \"leaseSeconds\": 1}"), 400);
        assertThat(problem(api().post(CLAIM, worker, "{\"plugins\": [\"" + inProcess + "\"]}"), 400).path("detail").asText())
                .contains("external");
        assertThat(problem(api().post(CLAIM, worker, "{\"plugins\": [\"contract-no-such-plugin\"]}"), 404)
                .path("code").asText()).isEqualTo("plugin_not_found");
    }

    @Test
    void givenBadRunIdsOrReports_theyAre400_andAnUnknownRunIs404() {
        Installed it = installed();
        Who worker = newWorker();
        startRun(it.owner(), it.plugin());
        String id = claim(worker, it.plugin(), 1).get(0).path("id").asText();

        problem(api().post(runPath("not-a-uuid", "heartbeat"), worker, "{}"), 400);
        assertThat(problem(api().post(runPath("3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23", "complete"), worker, "{}"), 404)
                .path("code").asText()).isEqualTo("run_not_found");
        problem(api().post(runPath(id, "heartbeat"), worker, "{\"leaseSeconds\": 0}"), 400);
        problem(api().post(runPath(id, "fail"), worker), 400);
        problem(api().post(runPath(id, "fail"), worker, "{\"message\": \"no code\"}"), 400);
        problem(api().post(runPath(id, "fail"), worker, "{\"code\": \"not upper case\"}"), 400);
        problem(api().post(runPath(id, "fail"), worker, "{\"code\": \"BOOM\", \"retryable\": \"no\"}"), 400);
        problem(api().post(runPath(id, "complete"), worker, "{\"output\": [1, 2]}"), 400);

        assertThat(ok(api().get("/api/user/runs/" + id, it.owner()), 200).path("status").asText())
                .as("none of the refused reports touched the run").isEqualTo("processing");
    }

    @Test
    void givenCallersWithoutTheWorkerRole_everyWorkerEndpoint_is403() {
        Installed it = installed();
        String id = startRun(it.owner(), it.plugin()).path("id").asText();

        for (Who caller : List.of(it.owner(), admin)) {
            problem(api().post(CLAIM, caller, "{\"plugins\": [\"" + it.plugin() + "\"]}"), 403);
            problem(api().post(runPath(id, "heartbeat"), caller, "{}"), 403);
            problem(api().post(runPath(id, "complete"), caller, "{}"), 403);
            problem(api().post(runPath(id, "fail"), caller, "{\"code\": \"BOOM\"}"), 403);
        }
        assertThat(ok(api().get("/api/user/runs/" + id, it.owner()), 200).path("status").asText()).isEqualTo("pending");
    }
}
