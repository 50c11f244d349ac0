package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.InstallationApiContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The installation contract against the in-memory server. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class InstallationApiTest extends InstallationApiContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected ApiTarget target() {
        return InMemoryTarget.of(server);
    }
}
