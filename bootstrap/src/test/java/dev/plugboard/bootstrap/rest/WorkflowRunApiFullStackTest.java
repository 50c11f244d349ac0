package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.WorkflowRunApiContract;

/** The workflow run contract (manual runs, test mode, cancel, webhooks) against the real server and PostgreSQL. */
class WorkflowRunApiFullStackTest extends WorkflowRunApiContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
