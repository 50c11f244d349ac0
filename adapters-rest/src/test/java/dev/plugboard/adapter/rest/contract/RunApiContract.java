package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.plugboard.adapter.rest.contract.ContractPlugins.NOTES;
import static dev.plugboard.adapter.rest.contract.ContractPlugins.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

/** The caller's runs: queue, idempotency, list with filters and paging, read, cancel. */
public abstract class RunApiContract extends ApiContract {

    private Who installedAlice() {
        Who alice = Who.newUser("alice");
        install(alice, WEBHOOK, "{\"settings\": {\"url\": \"https://example.test/hook\"}}");
        install(alice, NOTES, null);
        return alice;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(run -> ids.add(run.path("id").asText()));
        return ids;
    }

    @Test
    void givenInstallation_startRun_is202WithAPendingRun() {
        Who alice = installedAlice();

        ApiResponse response = api().post("/api/user/plugins/" + WEBHOOK + "/runs", alice,
                "{\"input\": {\"text\": \"hello\"}}");

        JsonNode run = ok(response, 202);
        assertThat(run.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(run.path("status").asText()).isEqualTo("pending");
        assertThat(run.path("plugin").asText()).isEqualTo(WEBHOOK);
        assertThat(run.path("owner").asText()).isEqualTo(alice.owner());
        assertThat(run.path("trigger").asText()).isEqualTo("manual");
        assertThat(run.path("input").path("text").asText()).isEqualTo("hello");
        assertThat(run.path("createdAt").asText()).endsWith("Z");
        assertThat(run.path("availableAt").asText()).as("a new run may be taken at once").isEqualTo(run.path("createdAt").asText());
        assertThat(run.has("lease")).isTrue();
        assertThat(run.path("lease").isNull()).as("nobody holds a pending run").isTrue();
        assertThat(response.header("Location")).endsWith("/api/user/runs/" + run.path("id").asText());
    }

    @Test
    void givenSameIdempotencyKey_startRun_returnsTheSameRun() {
        Who alice = installedAlice();
        String body = "{\"input\": {}, \"idempotencyKey\": \"" + Who.unique("key") + "\"}";

        JsonNode first = ok(api().post("/api/user/plugins/" + NOTES + "/runs", alice, body), 202);
        JsonNode second = ok(api().post("/api/user/plugins/" + NOTES + "/runs", alice, body), 202);

        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(first.path("idempotencyKey").asText()).startsWith("key-");
    }

    @Test
    void givenInputAgainstTheSchema_startRun_is400() {
        Who alice = installedAlice();

        JsonNode problem = problem(api().post("/api/user/plugins/" + WEBHOOK + "/runs", alice,
                "{\"input\": {\"text\": \"" + "x".repeat(60) + "\"}}"), 400);

        assertThat(problem.path("detail").asText()).contains("input");
    }

    @Test
    void givenNoInstallation_startRun_is404_andASwitchedOffOneIs409() {
        Who alice = Who.newUser("alice");
        assertThat(problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice, "{}"), 404).path("code").asText())
                .isEqualTo("installation_not_found");
        install(alice, NOTES, "{\"enabled\": false}");

        assertThat(problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice, "{}"), 409).path("code").asText())
                .isEqualTo("installation_disabled");
    }

    @Test
    void givenRuns_list_filtersByStatusAndPluginAndPages() {
        Who alice = installedAlice();
        String first = startRun(alice, WEBHOOK).path("id").asText();
        String second = startRun(alice, WEBHOOK).path("id").asText();
        String notes = startRun(alice, NOTES).path("id").asText();
        ok(api().post("/api/user/runs/" + second + "/cancel", alice), 200);

        assertThat(ids(ok(api().get("/api/user/runs", alice), 200))).containsExactlyInAnyOrder(first, second, notes);
        assertThat(ids(ok(api().get("/api/user/runs?plugin=" + WEBHOOK, alice), 200))).containsExactlyInAnyOrder(first, second);
        assertThat(ids(ok(api().get("/api/user/runs?status=cancelled", alice), 200))).containsExactly(second);
        assertThat(ids(ok(api().get("/api/user/runs?status=pending&plugin=" + NOTES, alice), 200))).containsExactly(notes);

        JsonNode page = ok(api().get("/api/user/runs?limit=2", alice), 200);
        JsonNode rest = ok(api().get("/api/user/runs?limit=2&after=" + page.path("next").asText(), alice), 200);
        List<String> all = new ArrayList<>(ids(page));
        all.addAll(ids(rest));
        assertThat(all).containsExactlyInAnyOrder(first, second, notes);
        assertThat(rest.path("next").isNull()).isTrue();
    }

    @Test
    void givenBadFilters_list_is400() {
        Who alice = Who.newUser("alice");

        assertThat(problem(api().get("/api/user/runs?status=sleeping", alice), 400).path("detail").asText())
                .contains("sleeping");
        problem(api().get("/api/user/runs?plugin=Bad_Name", alice), 400);
        problem(api().get("/api/user/runs?limit=-1", alice), 400);
    }

    @Test
    void givenRun_get_answersIt_andAnUnknownIdIs404() {
        Who alice = installedAlice();
        String id = startRun(alice, WEBHOOK).path("id").asText();

        assertThat(ok(api().get("/api/user/runs/" + id, alice), 200).path("id").asText()).isEqualTo(id);
        assertThat(problem(api().get("/api/user/runs/3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23", alice), 404)
                .path("code").asText()).isEqualTo("run_not_found");
    }

    @Test
    void givenMalformedRunId_getAndCancel_are400() {
        Who alice = Who.newUser("alice");

        assertThat(problem(api().get("/api/user/runs/not-a-uuid", alice), 400).path("detail").asText()).contains("UUID");
        problem(api().post("/api/user/runs/not-a-uuid/cancel", alice), 400);
    }

    @Test
    void givenPendingRun_cancel_cancelsIt_andCancellingAgainIs409() {
        Who alice = installedAlice();
        String id = startRun(alice, WEBHOOK).path("id").asText();

        JsonNode cancelled = ok(api().post("/api/user/runs/" + id + "/cancel", alice), 200);

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("completedAt").asText()).endsWith("Z");
        assertThat(problem(api().post("/api/user/runs/" + id + "/cancel", alice), 409).path("code").asText())
                .isEqualTo("illegal_run_transition");
    }
}
