package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.RunApiContract;

/** The run contract against the real server and PostgreSQL. */
class RunApiFullStackTest extends RunApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
