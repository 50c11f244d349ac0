package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard.catalog.new-plugins: pending-approval} through the real server on PostgreSQL: new
 * plugins in the folder are held at start-up, installs get 409 until an administrator decides, an
 * approval is applied by the next sync, a version adding a capability waits while the approved one
 * serves, and every decision is audited.
 */
class ApprovalsFullStackTest {

    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;
    private static final Who ADMIN = Who.newAdmin();

    @BeforeAll
    static void startServerHoldingNewPlugins() throws IOException {
        folder = FullStackServer.newFolder("plugboard-approvals-it");
        manifest("greeter", "1.0.0", "");
        manifest("rival", "1.0.0", "");
        server = FullStackServer.start(folder, Map.of("plugboard.catalog.new-plugins", "pending-approval"));
        api = new ApiClient(server);
    }

    @AfterAll
    static void stopServer() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    private static void manifest(String name, String version, String extra) throws IOException {
        Path directory = folder.resolve("plugins").resolve(name);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("plugin.yaml"), "name: " + name + "\nversion: " + version
                + "\nexecution: {mode: external}\n" + extra);
    }

    private static ApiResponse install(Who who, String plugin) {
        return api.post("/api/user/plugins/" + plugin + "/install", who);
    }

    private static ApiResponse sync() {
        ApiResponse synced = api.post("/api/admin/plugins/sync", ADMIN);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        return synced;
    }

    private static JsonNode pending(String plugin) {
        for (JsonNode approval : api.get("/api/admin/approvals?status=pending", ADMIN).json()) {
            if (approval.path("plugin").asText().equals(plugin)) {
                return approval;
            }
        }
        return null;
    }

    @Test
    void givenANewPluginHeld_installIs409Pending_untilApprovedAndSynced_thenAVersionAddingACapabilityWaitsWhileTheOldServes()
            throws IOException {
        Who alice = Who.newUser("alice");
        JsonNode held = pending("greeter");
        ApiResponse refused = install(alice, "greeter");

        assertThat(held).as("greeter is listed as pending").isNotNull();
        assertThat(held.path("version").asText()).isEqualTo("1.0.0");
        assertThat(held.path("reason").asText()).isEqualTo("new plugin");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("PLUGIN_PENDING_APPROVAL");
        assertThat(refused.json().path("detail").asText()).contains("greeter", "waiting for an administrator's approval");

        ApiResponse approved = api.post("/api/admin/plugins/greeter/approve", ADMIN);
        sync();

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(install(alice, "greeter").status()).isEqualTo(201);
        assertThat(api.get("/api/admin/audit?target=plugin:greeter", ADMIN).json().path("items").findValuesAsText("action"))
                .contains("plugin_approved");

        manifest("greeter", "1.1.0", "capabilities: [\"event:message.sent\"]\n");
        ApiResponse heldUpgrade = sync();

        assertThat(heldUpgrade.body()).contains("waiting for an administrator's approval (adds capabilities [event:message.sent])");
        assertThat(api.get("/api/plugins/greeter", alice).json().path("version").asText())
                .as("the approved version keeps serving").isEqualTo("1.0.0");
        assertThat(install(Who.newUser("bob"), "greeter").status()).as("installs of the serving version go on").isEqualTo(201);

        api.post("/api/admin/plugins/greeter/approve", ADMIN);
        sync();

        assertThat(api.get("/api/plugins/greeter", alice).json().path("version").asText()).isEqualTo("1.1.0");
    }

    @Test
    void givenANewPluginHeld_rejecting_keepsItOut_installIs409Rejected_andTheDecisionIsFinalAndAudited() {
        ApiResponse rejected = api.post("/api/admin/plugins/rival/reject", ADMIN);
        sync();
        ApiResponse refused = install(Who.newUser("carol"), "rival");
        ApiResponse again = api.post("/api/admin/plugins/rival/approve", ADMIN);

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().path("decidedBy").asText()).isNotBlank();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("PLUGIN_REJECTED");
        assertThat(api.get("/api/plugins/rival", Who.newUser("dave")).status()).as("never added").isEqualTo(404);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("PLUGIN_ALREADY_DECIDED");
        assertThat(api.get("/api/admin/audit?target=plugin:rival", ADMIN).json().path("items").findValuesAsText("action"))
                .contains("plugin_rejected");
        assertThat(api.get("/api/admin/approvals?status=maybe", ADMIN).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/plugins/nothing-held/approve", ADMIN).status()).isEqualTo(404);
    }
}
