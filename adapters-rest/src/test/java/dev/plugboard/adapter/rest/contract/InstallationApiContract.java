package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.plugboard.adapter.rest.contract.ContractPlugins.NOTES;
import static dev.plugboard.adapter.rest.contract.ContractPlugins.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

/** The caller's installations: install, list, read, configure with ETags, toggle, validate, uninstall. */
public abstract class InstallationApiContract extends ApiContract {

    private static final String CONFIG = "/api/user/plugins/" + WEBHOOK + "/config";

    private String webhookSettings(String token) {
        return "{\"settings\": {\"url\": \"https://example.test/hook\", \"token\": \"" + token + "\"}, \"enabled\": true}";
    }

    @Test
    void givenValidSettings_install_is201WithETagAndSecretsRedacted() {
        Who alice = Who.newUser("alice");
        String token = secret("token");

        ApiResponse response = api().post(installPath(WEBHOOK), alice, webhookSettings(token));

        JsonNode installation = ok(response, 201);
        assertThat(response.header("ETag")).isEqualTo("\"" + installation.path("version").asLong() + "\"");
        assertThat(installation.path("owner").asText()).isEqualTo(alice.owner());
        assertThat(installation.path("plugin").asText()).isEqualTo(WEBHOOK);
        assertThat(installation.path("settings").path("url").asText()).isEqualTo("https://example.test/hook");
        assertThat(installation.path("settings").path("method").asText()).as("schema default applied").isEqualTo("POST");
        assertThat(installation.path("settings").path("token").asText()).isEqualTo("(set)");
        assertThat(installation.path("secretsSet").get(0).asText()).isEqualTo("/token");
        assertThat(installation.path("enabled").asBoolean()).isTrue();
        assertThat(installation.path("createdAt").asText()).endsWith("Z");
    }

    @Test
    void givenNoBody_install_usesTheDefaults() {
        JsonNode installation = install(Who.newUser("bob"), NOTES, null);

        assertThat(installation.path("settings").path("color").asText()).isEqualTo("blue");
        assertThat(installation.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void givenEnabledFalse_install_storesItSwitchedOff() {
        JsonNode installation = install(Who.newUser("bob"), NOTES, "{\"enabled\": false}");

        assertThat(installation.path("enabled").asBoolean()).isFalse();
        assertThat(installation.path("active").asBoolean()).isFalse();
    }

    @Test
    void givenInvalidSettings_install_is422WithEveryViolation() {
        Who alice = Who.newUser("alice");

        JsonNode problem = problem(api().post(installPath(WEBHOOK), alice,
                "{\"settings\": {\"url\": \"ftp://nope\", \"retries\": 9, \"extra\": 1}}"), 422);

        assertThat(problem.path("code").asText()).isEqualTo("invalid_settings");
        assertThat(problem.path("detail").asText()).startsWith("settings validation failed: ").contains("/url", "/retries");
        List<String> pointers = new ArrayList<>();
        problem.path("violations").forEach(v -> {
            assertThat(v.path("keyword").asText()).isNotBlank();
            assertThat(v.path("message").asText()).isNotBlank();
            pointers.add(v.path("pointer").asText());
        });
        assertThat(pointers).contains("/url", "/retries");
        problem(api().get("/api/user/plugins/" + WEBHOOK, alice), 404);
    }

    @Test
    void givenMissingRequiredSetting_install_is422() {
        JsonNode problem = problem(api().post(installPath(WEBHOOK), Who.newUser("alice"), "{\"settings\": {}}"), 422);

        assertThat(problem.path("violations").get(0).path("keyword").asText()).isEqualTo("required");
    }

    @Test
    void givenInstalled_installAgain_is409() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);

        assertThat(problem(api().post(installPath(NOTES), alice), 409).path("code").asText())
                .isEqualTo("plugin_already_installed");
    }

    @Test
    void givenUnknownPlugin_install_is404() {
        assertThat(problem(api().post(installPath("no-such-plugin"), Who.newUser("alice")), 404).path("code").asText())
                .isEqualTo("plugin_not_found");
    }

    @Test
    void givenPlanLimitReached_install_is403WithTheLimit() {
        Who alice = Who.newUser("alice").onPlan("free");
        for (int i = 1; i <= 5; i++) {
            install(alice, "contract-quota-" + i, null);
        }

        JsonNode problem = problem(api().post(installPath("contract-quota-6"), alice), 403);

        assertThat(problem.path("code").asText()).isEqualTo("plan_limit_exceeded");
        assertThat(problem.path("limit").asInt()).isEqualTo(5);
        assertThat(problem.path("plan").asText()).isEqualTo("free");
        assertThat(problem.path("current").asInt()).isEqualTo(5);
    }

    @Test
    void givenInstallations_list_showsOnlyTheCallersOwn() {
        Who alice = Who.newUser("alice");
        Who bob = Who.newUser("bob");
        install(alice, NOTES, null);
        install(bob, WEBHOOK, webhookSettings(secret("token")));

        JsonNode list = ok(api().get("/api/user/plugins", alice), 200);

        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("plugin").asText()).isEqualTo(NOTES);
        assertThat(list.path("items").get(0).path("owner").asText()).isEqualTo(alice.owner());
    }

    @Test
    void givenOrgInstallation_anotherMemberSeesIt_andTheMemberPersonallyDoesNot() {
        String org = Who.unique("acme");
        Who alice = Who.newUser("alice").inOrg(org);
        Who carol = Who.newUser("carol").inOrg(org);
        install(alice, NOTES, null);

        ApiResponse asCarol = api().get("/api/user/plugins/" + NOTES, carol);

        assertThat(ok(asCarol, 200).path("owner").asText()).isEqualTo("org:" + org);
        problem(api().get("/api/user/plugins/" + NOTES, Who.user(alice.user())), 404);
        assertThat(ok(api().get("/api/user/plugins", Who.user(alice.user())), 200).path("items")).isEmpty();
    }

    @Test
    void givenInstallation_configure_answersTheNewSettingsAndANewETag() {
        Who alice = Who.newUser("alice");
        JsonNode installed = install(alice, WEBHOOK, webhookSettings(secret("token")));

        ApiResponse response = api().put(CONFIG, alice,
                "{\"settings\": {\"url\": \"https://example.test/other\", \"method\": \"PUT\"}}", Map.of());

        JsonNode configured = ok(response, 200);
        assertThat(configured.path("settings").path("url").asText()).isEqualTo("https://example.test/other");
        assertThat(configured.path("settings").path("method").asText()).isEqualTo("PUT");
        assertThat(configured.path("settings").path("token").asText()).as("a secret left out is kept").isEqualTo("(set)");
        assertThat(configured.path("version").asLong()).isGreaterThan(installed.path("version").asLong());
        assertThat(response.header("ETag")).isEqualTo("\"" + configured.path("version").asLong() + "\"");
    }

    @Test
    void givenCurrentETag_configureWithIfMatch_succeeds_andAStaleOneIs412() {
        Who alice = Who.newUser("alice");
        api().post(installPath(WEBHOOK), alice, webhookSettings(secret("token")));
        String etag = api().get("/api/user/plugins/" + WEBHOOK, alice).header("ETag");
        String settings = "{\"settings\": {\"url\": \"https://example.test/v2\"}}";

        ApiResponse first = api().put(CONFIG, alice, settings, ifMatch(etag));
        ApiResponse stale = api().put(CONFIG, alice, "{\"settings\": {\"url\": \"https://example.test/v3\"}}", ifMatch(etag));

        assertThat(ok(first, 200).path("settings").path("url").asText()).isEqualTo("https://example.test/v2");
        assertThat(first.header("ETag")).isNotEqualTo(etag);
        assertThat(problem(stale, 412).path("code").asText()).isEqualTo("concurrent_modification");
        JsonNode current = ok(api().get("/api/user/plugins/" + WEBHOOK, alice), 200);
        assertThat(current.path("settings").path("url").asText()).as("the stale write changed nothing")
                .isEqualTo("https://example.test/v2");
        ok(api().put(CONFIG, alice, settings, ifMatch("W/" + first.header("ETag"))), 200);
        problem(api().put(CONFIG, alice, settings, ifMatch("\"not-a-version\"")), 400);
    }

    @Test
    void givenChangesWithCurrentAndStaleIfMatch_audit_hasOneSuccessPerChangeAndOneFailurePerRefusal() {
        Who alice = Who.newUser("alice");
        api().post(installPath(WEBHOOK), alice, webhookSettings(secret("token")));
        String etag = api().get("/api/user/plugins/" + WEBHOOK, alice).header("ETag");

        String second = ok(api().put(CONFIG, alice, "{\"settings\": {\"retries\": 1}}", ifMatch(etag)), 200).path("version")
                .asText();
        ok(api().put(CONFIG, alice, "{\"settings\": {\"retries\": 2}}", ifMatch("\"" + second + "\"")), 200);
        problem(api().put(CONFIG, alice, "{\"settings\": {\"retries\": 3}}", ifMatch(etag)), 412);

        JsonNode entries = ok(api().get("/api/admin/audit?action=configure&limit=200&target=installation:" + alice.owner()
                + "/" + WEBHOOK, Who.newAdmin()), 200).path("items");
        List<String> outcomes = new ArrayList<>();
        entries.forEach(entry -> outcomes.add(entry.path("outcome").asText()));
        assertThat(outcomes).as(entries.toString()).containsExactlyInAnyOrder("success", "success", "failure");
    }

    @Test
    void givenInstallations_listWithItsETag_is304UntilAnInstallationChanges() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);
        ApiResponse list = api().get("/api/user/plugins", alice);
        String etag = list.header("ETag");
        assertThat(etag).as(list.toString()).isNotBlank();

        ApiResponse unchanged = api().send("GET", "/api/user/plugins", alice, null, Map.of("If-None-Match", etag));
        api().put(installPath(NOTES).replace("/install", "/config"), alice, "{\"settings\": {\"color\": \"red\"}}", Map.of());
        ApiResponse changed = api().send("GET", "/api/user/plugins", alice, null, Map.of("If-None-Match", etag));

        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().path("items").get(0).path("settings").path("color").asText()).isEqualTo("red");
    }

    @Test
    void givenInvalidSettings_configure_is422AndChangesNothing() {
        Who alice = Who.newUser("alice");
        install(alice, WEBHOOK, webhookSettings(secret("token")));

        JsonNode problem = problem(api().put(CONFIG, alice, "{\"settings\": {\"url\": 42}}", Map.of()), 422);

        assertThat(problem.path("violations").get(0).path("pointer").asText()).isEqualTo("/url");
        assertThat(ok(api().get("/api/user/plugins/" + WEBHOOK, alice), 200).path("settings").path("url").asText())
                .isEqualTo("https://example.test/hook");
    }

    @Test
    void givenNoSettings_configure_is400() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);

        assertThat(problem(api().put("/api/user/plugins/" + NOTES + "/config", alice, "{}", Map.of()), 400)
                .path("detail").asText()).contains("settings");
    }

    @Test
    void givenInstallation_toggle_switchesItAndAMissingFlagIs400() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);
        String toggle = "/api/user/plugins/" + NOTES + "/toggle";

        ApiResponse off = api().post(toggle, alice, "{\"enabled\": false}");

        assertThat(ok(off, 200).path("enabled").asBoolean()).isFalse();
        assertThat(off.header("ETag")).isNotBlank();
        assertThat(ok(api().post(toggle, alice, "{\"enabled\": true}"), 200).path("enabled").asBoolean()).isTrue();
        assertThat(problem(api().post(toggle, alice, "{}"), 400).path("detail").asText()).contains("enabled");
    }

    @Test
    void givenSettings_validate_isADryRun() {
        Who alice = Who.newUser("alice");
        String validate = "/api/user/plugins/" + WEBHOOK + "/settings/validate";

        JsonNode valid = ok(api().post(validate, alice,
                "{\"settings\": {\"url\": \"https://example.test\", \"token\": \"" + secret("token") + "\"}}"), 200);
        JsonNode invalid = ok(api().post(validate, alice, "{\"settings\": {\"retries\": -1}}"), 200);

        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("violations")).isEmpty();
        assertThat(valid.path("settings").path("token").asText()).isEqualTo("(set)");
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("summary").asText()).startsWith("settings validation failed");
        List<String> pointers = new ArrayList<>();
        invalid.path("violations").forEach(v -> pointers.add(v.path("pointer").asText() + " " + v.path("keyword").asText()));
        assertThat(pointers).contains("/retries minimum");
        assertThat(ok(api().get("/api/user/plugins", alice), 200).path("items")).as("nothing saved").isEmpty();
        problem(api().post("/api/user/plugins/no-such-plugin/settings/validate", alice, "{\"settings\": {}}"), 404);
    }

    @Test
    void givenInstallation_uninstall_is204AndThenItIsGone() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);
        String uninstall = "/api/user/plugins/" + NOTES + "/uninstall";

        ApiResponse response = api().post(uninstall, alice);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        problem(api().get("/api/user/plugins/" + NOTES, alice), 404);
        assertThat(problem(api().post(uninstall, alice), 404).path("code").asText()).isEqualTo("installation_not_found");
    }

    @Test
    void givenSecretSet_configureSendingThePlaceholderBack_keepsTheSecret() {
        Who alice = Who.newUser("alice");
        install(alice, WEBHOOK, webhookSettings(secret("token")));

        JsonNode configured = ok(api().put(CONFIG, alice,
                "{\"settings\": {\"url\": \"https://example.test/hook\", \"token\": \"(set)\"}}", Map.of()), 200);

        assertThat(configured.path("secretsSet").get(0).asText()).isEqualTo("/token");
    }
}
