package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiContract;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugin health and alerts on the real server and PostgreSQL, with the health job ticking every
 * 200 ms: a plugin whose runs keep failing turns unhealthy, an alert opens, is audited and is
 * published as {@code plugin.unhealthy} to the operator owner, whose subscribed installation's
 * worker receives it; once runs succeed again the alert resolves itself.
 */
class HealthAndAlertsFullStackTest extends ApiContract {

    private static final String OPS = Who.unique("ops");
    private static Path folder;
    private static FullStackServer server;

    private final Who admin = Who.newAdmin();
    private final Who worker = Who.newUser("worker").withRoles("worker");

    @BeforeAll
    static void startServer() {
        folder = FullStackServer.newFolder("plugboard-health-it");
        server = FullStackServer.start(folder, Map.of(
                "plugboard.health.interval", "200ms",
                "plugboard.health.min-runs", "5",
                "plugboard.health.sample-runs", "5",
                "plugboard.alerts.owner", "user:" + OPS));
    }

    @AfterAll
    static void stopServer() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    @Override
    protected ApiTarget target() {
        return server;
    }

    @Test
    void givenRepeatedFailures_thePluginTurnsUnhealthy_anAlertIsPublishedAndAudited_andResolvesOnceRunsSucceed() {
        String flaky = Who.unique("flaky");
        String pager = Who.unique("pager");
        ContractPlugins.register(api(), admin, ContractPlugins.external(flaky, "contract.unused"));
        ContractPlugins.register(api(), admin, ContractPlugins.external(pager, "plugin.unhealthy"));
        Who ops = Who.user(OPS);
        Who alice = Who.newUser("alice");
        install(ops, pager, null);
        install(alice, flaky, null);

        runAndFinish(alice, flaky, 5, false);

        JsonNode unhealthy = eventually("flaky turns unhealthy", () -> healthOf(flaky),
                health -> health.path("state").asText().equals("unhealthy"));
        assertThat(unhealthy.path("score").asInt()).isLessThan(50);
        assertThat(unhealthy.path("reason").asText()).contains("0% of the last 5 runs succeeded");
        assertThat(Instant.parse(unhealthy.path("lastHealthCheck").asText()))
                .isAfterOrEqualTo(Instant.parse(unhealthy.path("lastStateChange").asText()));
        JsonNode alert = eventually("an alert opens", () -> activeAlert("plugin_unhealthy", flaky), a -> !a.isMissingNode());
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("event").asText()).isEqualTo("plugin.unhealthy");
        assertThat(alert.path("owner").isNull()).isTrue();
        JsonNode bumped = eventually("the job sees it again", () -> activeAlert("plugin_unhealthy", flaky),
                a -> a.path("count").asLong() > 1);
        assertThat(bumped.path("id").asText()).as("one active alert per kind and subject").isEqualTo(alert.path("id").asText());

        JsonNode delivered = eventually("the subscribed installation receives the event",
                () -> ok(api().post("/api/worker/runs/claim", worker, "{\"plugins\": [\"" + pager + "\"], \"max\": 10}"), 200)
                        .path("runs"), runs -> runs.size() > 0).get(0);
        assertThat(delivered.path("owner").asText()).isEqualTo("user:" + OPS);
        assertThat(delivered.path("trigger").asText()).isEqualTo("event");
        assertThat(delivered.path("input").path("type").asText()).isEqualTo("plugin.unhealthy");
        assertThat(delivered.path("input").path("data").path("subject").asText()).isEqualTo(flaky);
        assertThat(delivered.path("input").path("data").path("alertId").asText()).isEqualTo(alert.path("id").asText());
        JsonNode opened = ok(api().get("/api/admin/audit?action=alert_opened&target=alert:plugin_unhealthy:" + flaky,
                admin), 200).path("items");
        assertThat(opened).hasSize(1);

        JsonNode own = ok(api().get("/api/plugins/" + flaky + "/health", alice), 200);
        assertThat(own.path("global").path("state").asText()).isEqualTo("unhealthy");
        assertThat(own.path("own").path("runs").asInt()).isEqualTo(5);
        assertThat(own.path("own").path("successRate").asDouble()).isZero();
        JsonNode stranger = ok(api().get("/api/plugins/" + flaky + "/health", Who.newUser("bob")), 200);
        assertThat(stranger.path("own").path("runs").asInt()).isZero();
        assertThat(stranger.path("own").path("successRate").isNull()).isTrue();

        JsonNode acknowledged = ok(api().post("/api/admin/alerts/" + alert.path("id").asText() + "/acknowledge", admin), 200);
        assertThat(acknowledged.path("status").asText()).isEqualTo("acknowledged");

        runAndFinish(alice, flaky, 5, true);

        eventually("flaky is healthy again", () -> healthOf(flaky), health -> health.path("state").asText().equals("healthy"));
        JsonNode resolved = eventually("the alert resolves itself", () -> alertById(alert.path("id").asText()),
                a -> a.path("status").asText().equals("resolved"));
        assertThat(resolved.path("resolvedAt").asText()).endsWith("Z");
        assertThat(activeAlert("plugin_unhealthy", flaky).isMissingNode()).isTrue();
        assertThat(ok(api().get("/api/admin/audit?action=alert_resolved&target=alert:plugin_unhealthy:" + flaky,
                admin), 200).path("items")).hasSize(1);
    }

    @Test
    void givenAForcedOpenCircuit_itsOwnerSeesTheAlert_andOthersDoNot() {
        String plugin = Who.unique("circuit-health");
        ContractPlugins.register(api(), admin, ContractPlugins.external(plugin, "contract.unused"));
        Who carol = Who.newUser("carol");
        install(carol, plugin, null);
        ok(api().post("/api/admin/circuits/" + carol.owner() + "/" + plugin + "/open?duration=PT10M", admin), 200);

        JsonNode seen = eventually("carol sees the circuit alert", () -> ok(api().get("/api/user/alerts?status=open", carol), 200)
                .path("items"), items -> items.size() > 0).get(0);
        assertThat(seen.path("kind").asText()).isEqualTo("circuit_opened");
        assertThat(seen.path("subject").asText()).isEqualTo(carol.owner() + "/" + plugin);
        assertThat(seen.path("owner").asText()).isEqualTo(carol.owner());
        assertThat(ok(api().get("/api/user/alerts", Who.newUser("dave")), 200).path("items")).isEmpty();

        ok(api().post("/api/admin/circuits/" + carol.owner() + "/" + plugin + "/close", admin), 200);
        eventually("the circuit alert resolves", () -> alertById(seen.path("id").asText()),
                a -> a.path("status").asText().equals("resolved"));
    }

    @Test
    void givenBadRequests_theyAre4xxProblems() {
        assertThat(problem(api().get("/api/admin/alerts?status=closed", admin), 400).path("detail").asText())
                .contains("closed");
        problem(api().get("/api/admin/alerts?limit=0", admin), 400);
        problem(api().post("/api/admin/alerts/not-a-uuid/resolve", admin), 400);
        assertThat(problem(api().post("/api/admin/alerts/00000000-0000-4000-8000-000000000001/resolve", admin), 404)
                .path("code").asText()).isEqualTo("alert_not_found");
        problem(api().get("/api/plugins/no-such-plugin-here/health", Who.newUser("erin")), 404);
        problem(api().get("/api/plugins/Bad_Name/health", Who.newUser("erin")), 400);
    }

    /** Starts {@code count} runs and has a worker complete or fail (not to be retried) each. */
    private void runAndFinish(Who owner, String plugin, int count, boolean succeed) {
        for (int i = 0; i < count; i++) {
            startRun(owner, plugin);
        }
        JsonNode runs = ok(api().post("/api/worker/runs/claim", worker,
                "{\"plugins\": [\"" + plugin + "\"], \"max\": " + count + "}"), 200).path("runs");
        assertThat(runs).hasSize(count);
        for (JsonNode run : runs) {
            String id = run.path("id").asText();
            if (succeed) {
                ok(api().post("/api/worker/runs/" + id + "/complete", worker, "{}"), 200);
            } else {
                ok(api().post("/api/worker/runs/" + id + "/fail", worker, "{\"code\": \"BAD_PAYLOAD\"}"), 200);
            }
        }
    }

    private JsonNode healthOf(String plugin) {
        for (JsonNode health : ok(api().get("/api/admin/plugins/health", admin), 200).path("items")) {
            if (health.path("plugin").asText().equals(plugin)) {
                return health;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode activeAlert(String kind, String subject) {
        for (String status : new String[]{"open", "acknowledged"}) {
            for (JsonNode alert : ok(api().get("/api/admin/alerts?status=" + status, admin), 200).path("items")) {
                if (alert.path("kind").asText().equals(kind) && alert.path("subject").asText().equals(subject)) {
                    return alert;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode alertById(String id) {
        for (JsonNode alert : ok(api().get("/api/admin/alerts?limit=500", admin), 200).path("items")) {
            if (alert.path("id").asText().equals(id)) {
                return alert;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Polls until the condition holds; the job ticks every 200 ms, so 20 s is far more than enough. */
    private static JsonNode eventually(String what, Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode last = read.get();
        while (!condition.test(last)) {
            assertThat(Instant.now()).as("waiting until " + what + "; last seen: " + last).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }
}
