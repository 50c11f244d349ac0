package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origin metadata on the real server and PostgreSQL: a manifest's {@code installedFrom} and
 * {@code sourceUrl} in the plugin's details, and who installed an installation, when, and at which
 * version, which an upgrade of the plugin leaves beside the new version.
 */
class OriginMetadataFullStackTest {

    private final ApiClient api = new ApiClient(FullStackServer.shared());
    private final Who admin = Who.newAdmin();

    private static String manifest(String name, String version) {
        return """
                {"name": "%s", "version": "%s", "execution": {"mode": "external"},
                 "installedFrom": "GIT_REPOSITORY", "sourceUrl": "https://git.example/acme/%s"}"""
                .formatted(name, version, name);
    }

    @Test
    void givenManifestWithAnOrigin_details_showInstalledFromAndSourceUrl() {
        String name = Who.unique("origin");
        ContractPlugins.register(api, admin, manifest(name, "1.0.0"));

        JsonNode details = api.get("/api/plugins/" + name, Who.newUser("reader")).json();

        assertThat(details.path("installedFrom").asText()).isEqualTo("GIT_REPOSITORY");
        assertThat(details.path("sourceUrl").asText()).isEqualTo("https://git.example/acme/" + name);
    }

    @Test
    void givenUnknownOrigin_register_is400NamingTheFieldAndNothingIsRegistered() {
        String name = Who.unique("origin");

        ApiResponse refused = api.post("/api/admin/plugins", admin,
                "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", \"installedFrom\": \"GITHUB\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("installedFrom", "GITHUB", "GIT_REPOSITORY");
        assertThat(api.get("/api/plugins/" + name, admin).status()).isEqualTo(404);
    }

    @Test
    void givenInstallationThenAnUpgrade_installation_showsWhoInstalledItAndBothVersions() {
        String name = Who.unique("origin");
        ContractPlugins.register(api, admin, manifest(name, "1.0.0"));
        Who owner = Who.newUser("ivy");
        ApiResponse installed = api.post("/api/user/plugins/" + name + "/install", owner);
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);

        ContractPlugins.register(api, admin, manifest(name, "1.1.0"));
        JsonNode after = api.get("/api/user/plugins/" + name, owner).json();

        assertThat(installed.json().path("installedBy").asText()).isEqualTo("user:" + owner.user());
        assertThat(installed.json().path("installedVersion").asText()).isEqualTo("1.0.0");
        assertThat(after.path("installedBy").asText()).isEqualTo("user:" + owner.user());
        assertThat(after.path("installedAt").asText()).isEqualTo(installed.json().path("createdAt").asText());
        assertThat(after.path("installedVersion").asText()).isEqualTo("1.0.0");
        assertThat(after.path("pluginVersion").asText()).isEqualTo("1.1.0");
    }
}
