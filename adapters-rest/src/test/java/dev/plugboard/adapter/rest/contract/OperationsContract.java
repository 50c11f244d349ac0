package dev.plugboard.adapter.rest.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and the API's own documentation, for operators and scrapers without tokens. */
public abstract class OperationsContract extends ApiContract {

    @Test
    void givenRunningServer_health_isUp() {
        ApiResponse response = api().get("/health", Who.anonymous());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
        assertThat(response.json().has("details")).as("details are for callers with a token").isFalse();
    }

    @Test
    void givenPlainUser_health_showsTheStatusOnly() {
        for (String path : new String[] {"/health", "/health/readiness", "/health/liveness"}) {
            ApiResponse response = api().get(path, Who.newUser("operator"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo("UP");
            assertThat(response.json().has("details")).as("details are for admins: %s", response).isFalse();
        }
    }

    @Test
    void givenAdmin_health_showsTheDetails() {
        ApiResponse response = api().get("/health", Who.newAdmin());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("details").isObject()).as(response.toString()).isTrue();
    }

    @Test
    void givenTraffic_metrics_isPrometheusText() {
        api().get("/api/plugins", Who.newUser("alice"));

        ApiResponse response = api().get("/metrics", Who.anonymous());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE ").contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds");
    }

    @Test
    void givenBuild_theOpenApiDocument_describesEveryEndpoint() {
        ApiResponse response = api().get("/swagger/plugboard.yml", Who.anonymous());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3").contains(
                "/api/plugins:", "/api/plugins/{name}:", "/api/user/plugins:", "/api/user/plugins/{name}/install:",
                "/api/user/plugins/{name}/uninstall:", "/api/user/plugins/{name}/config:",
                "/api/user/plugins/{name}/toggle:", "/api/user/plugins/{name}/settings/validate:",
                "/api/user/plugins/{name}/runs:", "/api/user/runs:", "/api/user/runs/{runId}:",
                "/api/user/runs/{runId}/cancel:", "/api/admin/plugins:", "/api/admin/plugins/sync:",
                "/api/admin/plugins/{name}/enable:", "/api/admin/plugins/{name}/disable:", "/api/admin/audit:",
                "/api/user/workflows:", "/api/user/workflows/{slug}:", "/api/user/workflows/{slug}/activate:",
                "/api/user/workflows/{slug}/pause:", "/api/user/workflows/{slug}/archive:",
                "/api/user/workflows/{slug}/runs:", "/api/user/workflows/{slug}/test:",
                "/api/user/workflow-runs/{id}:", "/api/user/workflow-runs/{id}/cancel:", "/hooks/{workflowId}:",
                "application/problem+json", "bearer");
    }

    @Test
    void givenBrowser_swaggerUi_isServedWithItsScriptsFromThisServer() {
        ApiResponse page = api().get("/swagger-ui/index.html", Who.anonymous());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("/swagger/plugboard.yml")
                .doesNotContain("unpkg.com", "cdn.jsdelivr", "cdnjs");
        for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"}) {
            ApiResponse response = api().get("/swagger-ui/res/" + asset, Who.anonymous());
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.body().length()).as(asset).isGreaterThan(1000);
        }
    }
}
