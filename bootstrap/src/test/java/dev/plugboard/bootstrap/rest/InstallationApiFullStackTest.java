package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.InstallationApiContract;

/** The installation contract against the real server and PostgreSQL. */
class InstallationApiFullStackTest extends InstallationApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
