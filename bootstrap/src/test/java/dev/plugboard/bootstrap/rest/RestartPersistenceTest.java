package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an administrator switched off stays off across a restart (seed 004), for a builtin plugin,
 * a plugin from the plugins directory and one registered over the API, even though the server
 * syncs the catalog with the manifests on every start.
 */
class RestartPersistenceTest {

    private static final String BUILTIN = "analytics";
    private static final String FROM_DIRECTORY = "restart-directory";
    private static final String REGISTERED = "restart-registered";

    @Test
    void givenDisabledPlugins_restartOnTheSameDataFolder_keepsThemDisabled() throws IOException {
        Path data = FullStackServer.newFolder("plugboard-restart");
        Files.createDirectories(data.resolve("plugins").resolve(FROM_DIRECTORY));
        Files.writeString(data.resolve("plugins").resolve(FROM_DIRECTORY).resolve("plugin.yaml"),
                "name: " + FROM_DIRECTORY + "\nversion: 1.0.0\nexecution: {mode: external}\n");
        Who admin = Who.newAdmin();
        Who alice = Who.newUser("alice");

        FullStackServer first = FullStackServer.start(data);
        try {
            ApiClient api = new ApiClient(first);
            ContractPlugins.register(api, admin, ContractPlugins.minimal(REGISTERED, "contract-switch"));
            for (String plugin : new String[] {BUILTIN, FROM_DIRECTORY, REGISTERED}) {
                ApiResponse disabled = api.post("/api/admin/plugins/" + plugin + "/disable?force=true", admin);
                assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
            }
            assertThat(api.post("/api/user/plugins/" + BUILTIN + "/install", alice).status()).isEqualTo(409);
        } finally {
            first.application().close();
        }

        FullStackServer second = FullStackServer.start(data);
        try {
            ApiClient api = new ApiClient(second);
            for (String plugin : new String[] {BUILTIN, FROM_DIRECTORY, REGISTERED}) {
                JsonNode details = api.get("/api/plugins/" + plugin, alice).json();
                assertThat(details.path("enabled").asBoolean()).as(plugin + " after the restart").isFalse();
                assertThat(details.path("disabledAt").asText()).as(plugin).isNotBlank();
            }
            ApiResponse refused = api.post("/api/user/plugins/" + BUILTIN + "/install", alice);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("plugin_disabled");
        } finally {
            second.application().close();
            FullStackServer.delete(data);
        }
    }
}
