package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ErrorContract;

/** The HTTP error contract against the real server and PostgreSQL. */
class ErrorFullStackTest extends ErrorContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
