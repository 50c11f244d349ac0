package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.GrantApiContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The role-grant contract against the in-memory server. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class GrantApiTest extends GrantApiContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected ApiTarget target() {
        return InMemoryTarget.of(server);
    }
}
