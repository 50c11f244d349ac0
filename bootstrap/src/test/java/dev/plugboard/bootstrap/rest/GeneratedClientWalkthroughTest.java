package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.client.ApiClient;
import dev.plugboard.client.ApiException;
import dev.plugboard.client.ApiResponse;
import dev.plugboard.client.api.AdminApi;
import dev.plugboard.client.api.CatalogApi;
import dev.plugboard.client.api.InstallationsApi;
import dev.plugboard.client.api.OperationsApi;
import dev.plugboard.client.api.RunsApi;
import dev.plugboard.client.model.HealthStatus;
import dev.plugboard.client.model.InstallRequest;
import dev.plugboard.client.model.InstallationResponse;
import dev.plugboard.client.model.RunResponse;
import dev.plugboard.client.model.SettingsRequest;
import dev.plugboard.client.model.StartRunRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The README's walk through the API, step by step, through a Java client generated at build time from
 * the OpenAPI document (openapi-generator, {@code native} library), against a real server of its own on
 * PostgreSQL (it disables a plugin for everyone). The client reads answers strictly: a field the server
 * sends that the document does not declare fails too, so the document cannot drift from the server.
 */
class GeneratedClientWalkthroughTest {

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("plugboard-generated-client", Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTheReadmeWalkthrough_throughTheGeneratedClient_everyStepAnswersAsTheReadmeSays() throws Exception {
        Who alice = Who.newUser("alice");
        ApiClient user = client(alice);
        ApiClient admin = client(Who.newAdmin());

        HealthStatus health = new OperationsApi(client(null)).health();
        assertThat(health.getStatus()).isEqualTo(HealthStatus.StatusEnum.UP);
        assertThat(health.getDetails()).as("details are for admins").isNullOrEmpty();

        CatalogApi catalog = new CatalogApi(user);
        assertThat(catalog.listPlugins(null, null, null, null, 2, null).getItems()).hasSize(2);
        assertThat(catalog.getPlugin("webhook").getSettingsSchema()).containsKey("properties");

        InstallationsApi installations = new InstallationsApi(user);
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> installations.install("webhook",
                new InstallRequest().settings(Map.of("url", "ftp://x", "secret", "short"))));
        JsonNode problem = JSON.readTree(invalid.getResponseBody());
        assertThat(invalid.getCode()).isEqualTo(422);
        assertThat(problem.path("code").asText()).isEqualTo("invalid_settings");
        assertThat(problem.path("violations").findValuesAsText("pointer")).contains("/secret", "/url");

        ApiResponse<InstallationResponse> installed = installations.installWithHttpInfo("webhook",
                new InstallRequest().settings(Map.of("url", "https://example.test/hook", "secret", "0123456789abcdef")));
        assertThat(installed.getStatusCode()).isEqualTo(201);
        assertThat(installed.getHeaders().get("etag")).containsExactly("\"0\"");
        assertThat(installed.getData().getSettings()).containsEntry("secret", "(set)").containsKey("method");

        Map<String, Object> noSecret = new HashMap<>();
        noSecret.put("secret", null);
        assertThat(installations.validateSettings("webhook", new SettingsRequest().settings(noSecret)).getValid()).isTrue();
        ApiResponse<InstallationResponse> configured = installations.configureWithHttpInfo("webhook", "\"0\"", null,
                new SettingsRequest().settings(Map.of("url", "https://example.test/other")));
        assertThat(configured.getStatusCode()).isEqualTo(200);
        assertThat(configured.getHeaders().get("etag")).containsExactly("\"1\"");
        assertThat(configured.getData().getSettings()).containsEntry("url", "https://example.test/other")
                .containsEntry("secret", "(set)");
        ApiException stale = catchThrowableOfType(ApiException.class, () -> installations.configure("webhook", "\"0\"", null,
                new SettingsRequest().settings(Map.of("url", "https://example.test/third"))));
        assertThat(stale.getCode()).isEqualTo(412);

        RunsApi runs = new RunsApi(user);
        ApiResponse<RunResponse> queued = runs.startRunWithHttpInfo("webhook", null,
                new StartRunRequest().input(Map.of()).idempotencyKey("first"));
        assertThat(queued.getStatusCode()).isEqualTo(202);
        assertThat(queued.getData().getIdempotencyKey()).isEqualTo("first");
        assertThat(runs.listRuns(null, null, null, null).getItems()).extracting(RunResponse::getId)
                .contains(queued.getData().getId());

        AdminApi administration = new AdminApi(admin);
        assertThat(administration.disablePlugin("webhook", null).getEnabled()).isFalse();
        assertThat(administration.listAudit(null, null, null, null, 5, null).getItems())
                .anySatisfy(entry -> assertThat(entry.getTarget()).contains("webhook"));
    }

    /** A generated client for the server, with the caller's token (none for null), reading answers strictly. */
    private static ApiClient client(Who who) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(SERVER.server().baseUrl().toString().replaceAll("/$", ""));
        client.setObjectMapper(client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        if (who != null) {
            String bearer = new dev.plugboard.adapter.rest.contract.ApiClient(SERVER.server()).bearer(who);
            client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        }
        return client;
    }
}
