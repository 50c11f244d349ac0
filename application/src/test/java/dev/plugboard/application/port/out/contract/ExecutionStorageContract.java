package dev.plugboard.application.port.out.contract;

/**
 * Base of the contract tests of the execution ports: each subclass says how to get fresh, empty
 * storage with those ports; {@link #storage} is its plain part, so the helpers of
 * {@link StorageContract} work as usual.
 */
public abstract class ExecutionStorageContract extends StorageContract {

    protected ExecutionStorage execution;

    /** Fresh, empty storage with the execution ports, for one test. */
    protected abstract ExecutionStorage newExecutionStorage();

    @Override
    protected final Storage newStorage() {
        execution = newExecutionStorage();
        return execution.storage();
    }
}
