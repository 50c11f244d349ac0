package dev.plugboard.adapter.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header: the compile-time generator reads these annotations. */
@OpenAPIDefinition(
        info = @Info(title = "Plugboard", version = "0.1",
                description = "Plugin control plane: catalog, installations, settings, runs. Errors are "
                        + "application/problem+json (RFC 9457) with a stable `code`.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class PlugboardApi {

    private PlugboardApi() {
    }
}
