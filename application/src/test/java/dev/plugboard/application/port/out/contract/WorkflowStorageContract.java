package dev.plugboard.application.port.out.contract;

/**
 * Base of the contract tests of the workflow ports: each subclass says how to get fresh, empty
 * storage with those ports; {@link #storage} is its plain part, so the helpers of
 * {@link StorageContract} work as usual.
 */
public abstract class WorkflowStorageContract extends StorageContract {

    protected WorkflowStorage workflowStorage;

    /** Fresh, empty storage with the workflow ports, for one test. */
    protected abstract WorkflowStorage newWorkflowStorage();

    @Override
    protected final Storage newStorage() {
        workflowStorage = newWorkflowStorage();
        return workflowStorage.storage();
    }
}
