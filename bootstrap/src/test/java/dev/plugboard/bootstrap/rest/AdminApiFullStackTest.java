package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.AdminApiContract;

/** The administration contract against the real server and PostgreSQL. */
class AdminApiFullStackTest extends AdminApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
