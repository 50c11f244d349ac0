package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;

/** The storage ports of workflows, over the same (fresh, empty) {@link Storage} and taking part in its transactions. */
public record WorkflowStorage(Storage storage, WorkflowRepository workflows, WorkflowRunRepository runs,
                              TriggerLedger ledger) {
}
