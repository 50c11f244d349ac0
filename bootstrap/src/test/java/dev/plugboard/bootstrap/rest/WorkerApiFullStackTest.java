package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.WorkerApiContract;

/** The contract against the real server and PostgreSQL. */
class WorkerApiFullStackTest extends WorkerApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
