package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.GrantApiContract;

/** The role-grant contract against the real server and PostgreSQL. */
class GrantApiFullStackTest extends GrantApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
