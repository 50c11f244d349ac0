package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.hooked.KeyChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycle hooks of a plugin jar in its plugin host (a real child JVM), through the real server on
 * PostgreSQL: validate's problem is a 422 violation at its pointer (for an environment's override too), a hanging onInstall times out with
 * nothing stored and its host killed, and a failing onUninstall still uninstalls and is audited.
 */
class LifecycleHooksFullStackTest {

    private static final String PLUGIN = "keychecker";
    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServerWithAHookedPluginJar() {
        folder = FullStackServer.newFolder("plugboard-hooks-it");
        PluginDirectories.keyChecker(folder.resolve("plugins"), PLUGIN, """
                {"type": "object", "properties": {"apiKey": {"type": "string", "writeOnly": true},
                 "region": {"type": "string"}}, "additionalProperties": false}""");
        server = FullStackServer.start(folder, Map.of("plugboard.plugins.hook-timeout", "4s"));
        api = new ApiClient(server);
    }

    @AfterAll
    static void stopServer() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    private static ApiResponse install(Who who, String settings) {
        return api.post("/api/user/plugins/" + PLUGIN + "/install", who, "{\"settings\": " + settings + "}");
    }

    @Test
    void givenValidateRefusingTheKey_installConfigureAndDryRun_answerTheProblemAsAViolationAtItsPointer() {
        Who alice = Who.newUser("alice");

        ApiResponse refused = install(alice, "{\"apiKey\": \"bad\"}");
        ApiResponse installed = install(alice, "{\"apiKey\": \"good\", \"region\": \"eu\"}");
        ApiResponse put = api.put("/api/user/plugins/" + PLUGIN + "/config", alice,
                "{\"settings\": {\"apiKey\": \"bad\", \"region\": \"us\"}}", Map.of());
        ApiResponse dryRun = api.post("/api/user/plugins/" + PLUGIN + "/settings/validate", alice,
                "{\"settings\": {\"apiKey\": \"bad\"}}");

        for (ApiResponse response : List.of(refused, put)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.json().path("violations")).singleElement().satisfies(violation -> {
                assertThat(violation.path("pointer").asText()).isEqualTo("/apiKey");
                assertThat(violation.path("keyword").asText()).isEqualTo("validate");
                assertThat(violation.path("message").asText()).isEqualTo("the service refused this API key");
            });
        }
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        assertThat(dryRun.json().path("valid").asBoolean()).as(dryRun.toString()).isFalse();
        assertThat(dryRun.json().path("violations").path(0).path("pointer").asText()).isEqualTo("/apiKey");
        JsonNode stored = api.get("/api/user/plugins/" + PLUGIN, alice).json();
        assertThat(stored.path("settings").path("region").asText()).as("the refused PUT changed nothing").isEqualTo("eu");
    }

    @Test
    void givenValidateRefusingTheKey_anEnvironmentOverrideWithIt_isRefusedAsAViolationAtItsPointer_andNothingIsStored() {
        Who dave = Who.newUser("dave");
        assertThat(install(dave, "{\"apiKey\": \"good\", \"region\": \"eu\"}").status()).isEqualTo(201);

        ApiResponse refused = api.put("/api/user/plugins/" + PLUGIN + "/config?environment=staging", dave,
                "{\"settings\": {\"apiKey\": \"bad\"}}", Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("violations")).singleElement().satisfies(violation -> {
            assertThat(violation.path("pointer").asText()).isEqualTo("/apiKey");
            assertThat(violation.path("keyword").asText()).isEqualTo("validate");
        });
        JsonNode stored = api.get("/api/user/plugins/" + PLUGIN + "?environment=staging", dave).json();
        assertThat(stored.path("overrides").size()).as("no override was stored: " + stored).isZero();
    }

    @Test
    void givenOnInstallHanging_install_timesOutWith409NamingPluginAndHook_storesNothing_andAFreshHostServesNext() {
        Who bob = Who.newUser("bob");
        List<Long> hostsBefore = hostPids();

        ApiResponse hung = install(bob, "{\"region\": \"hang\"}");

        assertThat(hung.status()).as(hung.toString()).isEqualTo(409);
        assertThat(hung.json().path("code").asText()).isEqualTo("PLUGIN_HOOK_FAILED");
        assertThat(hung.json().path("detail").asText()).contains("plugin keychecker", "onInstall hook", "no answer within 4 s");
        assertThat(api.get("/api/user/plugins/" + PLUGIN, bob).status()).as("nothing was stored").isEqualTo(404);
        assertThat(hostPids()).as("the host that hung was killed").doesNotContainAnyElementsOf(hostsBefore);
        assertThat(install(bob, "{\"region\": \"eu\"}").status()).as("a fresh host answers the next hook").isEqualTo(201);
    }

    @Test
    void givenOnUninstallFailing_uninstall_removesTheInstallation_andTheAuditRecordsTheFailure() {
        Who carol = Who.newUser("carol");
        assertThat(install(carol, "{\"apiKey\": \"s3cr3t-value\"}").status()).isEqualTo(201);

        ApiResponse removed = api.post("/api/user/plugins/" + PLUGIN + "/uninstall", carol);

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.get("/api/user/plugins/" + PLUGIN, carol).status()).isEqualTo(404);
        ApiResponse audit = api.get("/api/admin/audit?target=installation:" + carol.owner() + "/" + PLUGIN, Who.newAdmin());
        assertThat(audit.json().path("items").findValuesAsText("detail"))
                .contains("onUninstall hook failed: IllegalStateException: the service could not be told");
        assertThat(audit.body()).as("the audit never holds a secret").doesNotContain("s3cr3t-value");
    }

    private static List<Long> hostPids() {
        return PluginDirectories.hostProcesses().stream()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(KeyChecker.class.getName())).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
