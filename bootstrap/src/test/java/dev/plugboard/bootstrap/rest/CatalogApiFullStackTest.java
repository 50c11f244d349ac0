package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.CatalogApiContract;

/** The catalog contract against the real server and PostgreSQL. */
class CatalogApiFullStackTest extends CatalogApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
