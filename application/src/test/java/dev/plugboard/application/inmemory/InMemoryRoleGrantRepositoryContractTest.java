package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.application.port.out.contract.RoleGrantRepositoryContract;

/** Runs the RoleGrantRepository contract against the in-memory adapter. */
class InMemoryRoleGrantRepositoryContractTest extends RoleGrantRepositoryContract {

    @Override
    protected RoleGrantRepository newRepository() {
        return new InMemoryRoleGrantRepository();
    }
}
