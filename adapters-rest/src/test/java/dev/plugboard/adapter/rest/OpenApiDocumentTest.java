package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.OpenApiDocumentContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The OpenAPI document contract against the in-memory server. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class OpenApiDocumentTest extends OpenApiDocumentContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected ApiTarget target() {
        return InMemoryTarget.of(server);
    }
}
