package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events: one run per enabled installation whose plugin subscribes to the type, for the caller or
 * (admins) for another owner; the same idempotency key never creates the runs twice. Every test
 * uses an event type of its own, so only its own plugins subscribe.
 */
public abstract class EventApiContract extends ApiContract {

    private static final String EVENTS = "/api/events";

    private final Who admin = Who.newAdmin();

    private String subscriber(String type) {
        String plugin = Who.unique("contract-sub");
        ContractPlugins.register(api(), admin, ContractPlugins.external(plugin, type));
        return plugin;
    }

    private static String newType() {
        return Who.unique("contract.event");
    }

    private static String event(String type, String extra) {
        return "{\"type\": \"" + type + "\", \"data\": {\"user\": \"u1\", \"text\": \"hi\"}" + extra + "}";
    }

    private static List<String> field(JsonNode runs, String name) {
        List<String> values = new ArrayList<>();
        runs.forEach(run -> values.add(run.path(name).asText()));
        return values;
    }

    @Test
    void givenSubscribers_publish_is202WithOneRunPerEnabledSubscribingInstallation() {
        String type = newType();
        String first = subscriber(type);
        String second = subscriber(type);
        String switchedOff = subscriber(type);
        String disabledForEveryone = subscriber(type);
        String notInstalled = subscriber(type);
        Who alice = Who.newUser("alice");
        install(alice, first, null);
        install(alice, second, null);
        install(alice, switchedOff, "{\"enabled\": false}");
        install(alice, disabledForEveryone, null);
        install(alice, ContractPlugins.NOTES, null);
        ok(api().post("/api/admin/plugins/" + disabledForEveryone + "/disable", admin), 200);

        ApiResponse response = api().post(EVENTS, alice, event(type, ""));

        JsonNode report = ok(response, 202);
        JsonNode runs = report.path("runs");
        assertThat(field(runs, "plugin")).containsExactlyInAnyOrder(first, second)
                .doesNotContain(switchedOff, disabledForEveryone, notInstalled, ContractPlugins.NOTES);
        assertThat(field(runs, "owner")).containsOnly(alice.owner());
        assertThat(field(runs, "trigger")).containsOnly("event");
        assertThat(field(runs, "status")).containsOnly("pending");
        assertThat(runs.get(0).path("input").path("type").asText()).isEqualTo(type);
        assertThat(runs.get(0).path("input").path("data").path("user").asText()).isEqualTo("u1");
        assertThat(report.path("duplicate").asBoolean()).isFalse();
        assertThat(report.path("skipped").isArray()).isTrue();
        assertThat(report.path("skipped")).isEmpty();
        assertThat(ok(api().get("/api/user/runs?plugin=" + first, alice), 200).path("items")).hasSize(1);
    }

    @Test
    void givenTheSameIdempotencyKey_publishAgain_createsNothingAndAnswersTheFirstRuns() {
        String type = newType();
        String first = subscriber(type);
        String second = subscriber(type);
        Who alice = Who.newUser("alice");
        install(alice, first, null);
        install(alice, second, null);
        String body = event(type, ", \"idempotencyKey\": \"" + Who.unique("evt") + "\"");

        JsonNode original = ok(api().post(EVENTS, alice, body), 202);
        JsonNode repeated = ok(api().post(EVENTS, alice, body), 202);

        assertThat(original.path("duplicate").asBoolean()).isFalse();
        assertThat(repeated.path("duplicate").asBoolean()).isTrue();
        assertThat(field(repeated.path("runs"), "id")).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(field(original.path("runs"), "id"));
        assertThat(ok(api().get("/api/user/runs?plugin=" + first, alice), 200).path("items")).hasSize(1);
        assertThat(ok(api().get("/api/user/runs?plugin=" + second, alice), 200).path("items")).hasSize(1);

        JsonNode withoutKey = ok(api().post(EVENTS, alice, event(type, "")), 202);
        assertThat(withoutKey.path("runs")).as("no key, no deduplication").hasSize(2);
        Who bob = Who.newUser("bob");
        install(bob, first, null);
        assertThat(ok(api().post(EVENTS, bob, body), 202).path("duplicate").asBoolean())
                .as("keys are per owner").isFalse();
    }

    @Test
    void givenOrganizationToken_publish_isForTheOrganization() {
        String type = newType();
        String plugin = subscriber(type);
        Who member = Who.newUser("olivia").inOrg(Who.unique("acme"));
        install(member, plugin, null);

        JsonNode runs = ok(api().post(EVENTS, member, event(type, "")), 202).path("runs");

        assertThat(field(runs, "owner")).containsExactly(member.owner());
        assertThat(ok(api().post(EVENTS, Who.user(member.user()), event(type, "")), 202).path("runs"))
                .as("the same person acting for themselves has no installation").isEmpty();
    }

    @Test
    void givenAdmin_publishForAUserOrAnOrganization_createsTheirRuns() {
        String type = newType();
        String plugin = subscriber(type);
        Who alice = Who.newUser("alice");
        String org = Who.unique("acme");
        install(alice, plugin, null);
        install(Who.newUser("olivia").inOrg(org), plugin, null);

        JsonNode forAlice = ok(api().post(EVENTS, admin, event(type, ", \"user\": \"" + alice.user() + "\"")), 202);
        JsonNode forOrg = ok(api().post(EVENTS, admin, event(type, ", \"org\": \"" + org + "\"")), 202);

        assertThat(field(forAlice.path("runs"), "owner")).containsExactly(alice.owner());
        assertThat(field(forOrg.path("runs"), "owner")).containsExactly("org:" + org);
        assertThat(ok(api().get("/api/user/runs?plugin=" + plugin, alice), 200).path("items")).hasSize(1);
        problem(api().post(EVENTS, admin, event(type, ", \"user\": \"a\", \"org\": \"b\"")), 400);
        problem(api().post(EVENTS, admin, event(type, ", \"user\": \"not valid\"")), 400);
    }

    @Test
    void givenNonAdminNamingAnotherOwner_publish_is403AndCreatesNothing() {
        String type = newType();
        String plugin = subscriber(type);
        Who alice = Who.newUser("alice");
        install(alice, plugin, null);
        Who mallory = Who.newUser("mallory");

        JsonNode forUser = problem(api().post(EVENTS, mallory, event(type, ", \"user\": \"" + alice.user() + "\"")), 403);
        problem(api().post(EVENTS, mallory, event(type, ", \"org\": \"acme\"")), 403);
        problem(api().post(EVENTS, Who.newUser("worker").withRoles("worker"),
                event(type, ", \"user\": \"" + alice.user() + "\"")), 403);

        assertThat(forUser.path("detail").asText()).contains("admin");
        assertThat(ok(api().get("/api/user/runs?plugin=" + plugin, alice), 200).path("items")).isEmpty();
    }

    @Test
    void givenNoSubscriber_publish_is202WithNoRuns() {
        JsonNode report = ok(api().post(EVENTS, Who.newUser("alice"), event(newType(), "")), 202);

        assertThat(report.path("runs").isArray()).isTrue();
        assertThat(report.path("runs")).isEmpty();
        assertThat(report.path("duplicate").asBoolean()).isFalse();
    }

    @Test
    void givenMalformedEvents_publish_is400() {
        Who alice = Who.newUser("alice");

        problem(api().post(EVENTS, alice), 400);
        problem(api().post(EVENTS, alice, "{\"data\": {}}"), 400);
        assertThat(problem(api().post(EVENTS, alice, "{\"type\": \"Message Received\"}"), 400).path("detail").asText())
                .contains("event type");
        problem(api().post(EVENTS, alice, "{\"type\": \"message.received\", \"data\": [1]}"), 400);
        problem(api().post(EVENTS, alice, "{\"type\": \"message.received\", \"idempotencyKey\": \"" + "k".repeat(300)
                + "\"}"), 400);
    }
}
