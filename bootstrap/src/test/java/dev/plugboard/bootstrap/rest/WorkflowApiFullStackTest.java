package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.WorkflowApiContract;

/** The workflow contract (CRUD, access, save-time problems) against the real server and PostgreSQL. */
class WorkflowApiFullStackTest extends WorkflowApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
