package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.EventApiContract;

/** The contract against the real server and PostgreSQL. */
class EventApiFullStackTest extends EventApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
