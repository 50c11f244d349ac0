package dev.plugboard.adapter.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's header: the compile-time generator reads these annotations. There is no
 * document-wide security requirement: each controller that needs a token says so
 * ({@code BearerOperations}), so the public operations ({@code /health}, {@code /metrics}, webhooks)
 * carry none.
 */
@OpenAPIDefinition(
        info = @Info(title = "Plugboard", version = "0.1",
                description = "Plugin control plane: catalog, installations, settings, runs. Errors are "
                        + "application/problem+json (RFC 9457) with a stable `code`.",
                contact = @Contact(name = "Plugboard", url = "https://plugboard.dev"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "the server that serves this document"),
        tags = {
                @Tag(name = "catalog", description = "The plugins one may install, with their schemas."),
                @Tag(name = "installations", description = "The caller's installations and their settings."),
                @Tag(name = "runs", description = "Running a plugin, and the runs' outcomes."),
                @Tag(name = "events", description = "Publishing events that plugins subscribe to."),
                @Tag(name = "workflows", description = "Workflows: steps of plugins, their triggers and runs."),
                @Tag(name = "webhooks", description = "Public, signed deliveries that trigger a workflow."),
                @Tag(name = "workers", description = "External workers: claim, heartbeat, complete or fail runs."),
                @Tag(name = "circuits", description = "Circuit breakers per owner and plugin."),
                @Tag(name = "health", description = "Plugin health verdicts."),
                @Tag(name = "alerts", description = "Alerts raised by the health job."),
                @Tag(name = "metrics", description = "Run metrics per plugin, as time series."),
                @Tag(name = "analytics", description = "Statistics of the analytics plugin."),
                @Tag(name = "admin", description = "Administration: catalog, approvals, grants, audit, state."),
                @Tag(name = "operations", description = "Public: server health and Prometheus metrics.")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class PlugboardApi {

    private PlugboardApi() {
    }
}
