package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.AuthorizationMatrixContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The authorization matrix against the in-memory server. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected boolean isFullStack() {
        return false; // no workflow engine or rollups here; AuthorizationMatrixFullStackTest covers those rows
    }

    @Override
    protected ApiTarget target() {
        return InMemoryTarget.of(server);
    }
}
