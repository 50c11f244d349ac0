package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.HttpHygieneContract;

/** The HTTP hygiene contract (headers, compression) against the real server and PostgreSQL. */
class HttpHygieneFullStackTest extends HttpHygieneContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
