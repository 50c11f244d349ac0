package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.CatalogApiContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The catalog contract against the in-memory server. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class CatalogApiTest extends CatalogApiContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected ApiTarget target() {
        return InMemoryTarget.of(server);
    }
}
