package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;

/** The embedded test server as the contract suites' target. */
record InMemoryTarget(URI baseUrl, String jwtSecret) implements ApiTarget {

    /** The environment of this module's tests: their configuration and in-memory wiring apply only there. */
    static final String ENVIRONMENT = "rest-contract";

    static InMemoryTarget of(EmbeddedServer server) {
        return new InMemoryTarget(server.getURI(),
                server.getApplicationContext().getRequiredProperty("plugboard.jwt.secret", String.class));
    }
}
