package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Circuit breakers: an owner's stats, and administrators forcing one open (runs then fail at once
 * with {@code PLUGIN_CIRCUIT_OPEN} and {@code retryAfterSeconds}) or closed. Every test uses a
 * plugin and owner of its own.
 */
public abstract class CircuitApiContract extends ApiContract {

    private static final String CIRCUITS = "/api/user/circuits";

    private final Who admin = Who.newAdmin();

    private String externalPlugin() {
        String plugin = Who.unique("contract-cb");
        ContractPlugins.register(api(), admin, ContractPlugins.external(plugin, "contract.unused"));
        return plugin;
    }

    private static String force(String owner, String plugin, String action) {
        return "/api/admin/circuits/" + owner + "/" + plugin + "/" + action;
    }

    /** The caller's circuit of {@code plugin}, or a missing node. */
    private JsonNode circuitOf(Who who, String plugin) {
        for (JsonNode circuit : ok(api().get(CIRCUITS, who), 200).path("items")) {
            if (circuit.path("plugin").asText().equals(plugin)) {
                return circuit;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void givenNothingRan_circuits_isAnEmptyList_notAPlugin() {
        JsonNode circuits = ok(api().get(CIRCUITS, Who.newUser("alice")), 200);

        assertThat(circuits.path("items").isArray()).isTrue();
        assertThat(circuits.path("items")).isEmpty();
    }

    @Test
    void givenTheOldPath_circuits_answerTheSame_markedDeprecatedWithALinkToTheNewPath() {
        String plugin = externalPlugin();
        Who alice = Who.newUser("alice");
        install(alice, plugin, null);
        ok(api().post(force(alice.owner(), plugin, "open") + "?duration=PT10M", admin), 200);

        ApiResponse old = api().get("/api/user/plugins/circuits", alice);
        ApiResponse current = api().get(CIRCUITS, alice);

        assertThat(ok(old, 200)).isEqualTo(ok(current, 200));
        assertThat(ok(old, 200).path("items").get(0).path("plugin").asText()).isEqualTo(plugin);
        assertThat(old.header("Deprecation")).isEqualTo("true");
        assertThat(old.header("Link")).isEqualTo("</api/user/circuits>; rel=\"successor-version\"");
        assertThat(current.header("Deprecation")).isNull();
    }

    @Test
    void givenAdminOpensACircuit_runsFailAtOnceWithRetryAfter_untilItIsClosed() {
        String plugin = externalPlugin();
        Who alice = Who.newUser("alice");
        install(alice, plugin, null);

        JsonNode opened = ok(api().post(force(alice.owner(), plugin, "open") + "?duration=10m", admin), 200);

        assertThat(opened.path("owner").asText()).isEqualTo(alice.owner());
        assertThat(opened.path("plugin").asText()).isEqualTo(plugin);
        assertThat(opened.path("state").asText()).isEqualTo("open");
        Instant until = Instant.parse(opened.path("openUntil").asText());
        assertThat(until).isAfter(Instant.parse(opened.path("updatedAt").asText()).plus(Duration.ofMinutes(9)));

        JsonNode refused = startRun(alice, plugin);

        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("error").path("code").asText()).isEqualTo("PLUGIN_CIRCUIT_OPEN");
        assertThat(refused.path("output").path("retryAfterSeconds").asLong()).isBetween(1L, 600L);
        assertThat(refused.path("completedAt").asText()).endsWith("Z");
        JsonNode stored = ok(api().get("/api/user/runs/" + refused.path("id").asText(), alice), 200);
        assertThat(stored.path("output").path("retryAfterSeconds").asLong()).isBetween(1L, 600L);
        JsonNode circuit = circuitOf(alice, plugin);
        assertThat(circuit.path("state").asText()).isEqualTo("open");
        assertThat(circuit.path("rejections").asLong()).isEqualTo(1);
        assertThat(circuit.path("openUntil").asText()).isEqualTo(opened.path("openUntil").asText());
        for (String field : new String[]{"consecutiveFailures", "successes", "failures", "lastFailureAt", "updatedAt"}) {
            assertThat(circuit.has(field)).as(field).isTrue();
        }
        assertThat(circuitOf(Who.newUser("bob"), plugin).isMissingNode()).as("circuits are per owner").isTrue();

        JsonNode closed = ok(api().post(force(alice.owner(), plugin, "close"), admin), 200);

        assertThat(closed.path("state").asText()).isEqualTo("closed");
        assertThat(closed.path("consecutiveFailures").asInt()).isZero();
        assertThat(closed.path("openUntil").isNull()).isTrue();
        assertThat(startRun(alice, plugin).path("status").asText()).isEqualTo("pending");
        JsonNode audit = ok(api().get("/api/admin/audit?action=circuit_forced&target=circuit:" + alice.owner() + "/"
                + plugin, admin), 200);
        assertThat(audit.path("items")).hasSize(2);
    }

    @Test
    void givenOrganization_theMembersSeeItsCircuit_andTheDefaultDurationApplies() {
        String plugin = externalPlugin();
        String org = Who.unique("acme");
        Who member = Who.newUser("olivia").inOrg(org);

        JsonNode opened = ok(api().post(force("org:" + org, plugin, "open"), admin), 200);

        Duration open = Duration.between(Instant.parse(opened.path("updatedAt").asText()),
                Instant.parse(opened.path("openUntil").asText()));
        assertThat(open).isEqualTo(Duration.ofMinutes(5));
        assertThat(circuitOf(member, plugin).path("state").asText()).isEqualTo("open");
        assertThat(circuitOf(Who.user(member.user()), plugin).isMissingNode()).isTrue();
    }

    @Test
    void givenWorkerOutcomes_theCircuitCountsThem() {
        String plugin = externalPlugin();
        Who alice = Who.newUser("alice");
        Who worker = Who.newUser("worker").withRoles("worker");
        install(alice, plugin, null);
        startRun(alice, plugin);
        startRun(alice, plugin);
        JsonNode runs = ok(api().post("/api/worker/runs/claim", worker,
                "{\"plugins\": [\"" + plugin + "\"], \"max\": 2}"), 200).path("runs");
        ok(api().post("/api/worker/runs/" + runs.get(0).path("id").asText() + "/complete", worker, "{}"), 200);
        ok(api().post("/api/worker/runs/" + runs.get(1).path("id").asText() + "/fail", worker,
                "{\"code\": \"BAD_PAYLOAD\"}"), 200);

        JsonNode circuit = circuitOf(alice, plugin);

        assertThat(circuit.path("state").asText()).isEqualTo("closed");
        assertThat(circuit.path("successes").asLong()).isEqualTo(1);
        assertThat(circuit.path("failures").asLong()).isEqualTo(1);
        assertThat(circuit.path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(circuit.path("lastFailureAt").asText()).endsWith("Z");
    }

    @Test
    void givenBadForceRequests_theyAre400or404() {
        String plugin = externalPlugin();

        assertThat(problem(api().post(force("alice", plugin, "open"), admin), 400).path("detail").asText())
                .contains("user:");
        problem(api().post(force("team:alice", plugin, "close"), admin), 400);
        problem(api().post(force("user:alice", "Bad_Name", "open"), admin), 400);
        assertThat(problem(api().post(force("user:alice", "contract-no-such-plugin", "open"), admin), 404)
                .path("code").asText()).isEqualTo("plugin_not_found");
        assertThat(problem(api().post(force("user:alice", plugin, "open") + "?duration=5%20minutes", admin), 400)
                .path("detail").asText()).contains("'5 minutes'", "1h30m", "PT30S");
        problem(api().post(force("user:alice", plugin, "open") + "?duration=PT0S", admin), 400);
        problem(api().post(force("user:alice", plugin, "open") + "?duration=P31D", admin), 400);
    }

    @Test
    void givenNonAdmin_force_is403() {
        String plugin = externalPlugin();
        Who alice = Who.newUser("alice");

        problem(api().post(force(alice.owner(), plugin, "close"), alice), 403);
        problem(api().post(force(alice.owner(), plugin, "open"), Who.newUser("worker").withRoles("worker")), 403);
        assertThat(circuitOf(alice, plugin).isMissingNode()).isTrue();
    }
}
