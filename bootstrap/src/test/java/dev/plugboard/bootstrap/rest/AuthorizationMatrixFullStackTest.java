package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.AuthorizationMatrixContract;

/** The authorization matrix against the real server and PostgreSQL. */
class AuthorizationMatrixFullStackTest extends AuthorizationMatrixContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
