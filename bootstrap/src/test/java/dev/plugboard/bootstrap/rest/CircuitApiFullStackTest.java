package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.CircuitApiContract;

/** The contract against the real server and PostgreSQL. */
class CircuitApiFullStackTest extends CircuitApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
