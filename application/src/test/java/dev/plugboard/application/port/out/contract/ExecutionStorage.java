package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.RunQueue;

/**
 * The storage ports of plugin execution, over the same (fresh, empty) {@link Storage} and taking
 * part in its transactions.
 */
public record ExecutionStorage(Storage storage, RunQueue queue, CircuitRepository circuits, InstallationStore store,
                               EventLog events) {
}
