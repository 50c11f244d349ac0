package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.domain.workflow.Workflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.plugboard.application.port.out.contract.WorkflowFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TriggerLedger} must do. */
public abstract class TriggerLedgerContract extends WorkflowStorageContract {

    private Workflow first;
    private Workflow second;

    private TriggerLedger ledger() {
        return workflowStorage.ledger();
    }

    @BeforeEach
    void workflows() {
        first = workflowStorage.workflows().add(workflow(ALICE, "first", T0));
        second = workflowStorage.workflows().add(workflow(ALICE, "second", T0));
    }

    @Test
    void firstFire_isTrueOncePerWorkflowAndFireTime() {
        assertThat(ledger().firstFire(first.id(), at(60), at(61))).isTrue();
        assertThat(ledger().firstFire(first.id(), at(60), at(62))).isFalse();
        assertThat(ledger().firstFire(second.id(), at(60), at(61))).isTrue();
        assertThat(ledger().firstFire(first.id(), at(120), at(121))).isTrue();
    }

    @Test
    void lastFire_isTheLatestFireTimeRecorded() {
        assertThat(ledger().lastFire(first.id())).isEmpty();

        ledger().firstFire(first.id(), at(120), at(121));
        ledger().firstFire(first.id(), at(60), at(122));

        assertThat(ledger().lastFire(first.id())).contains(at(120));
        assertThat(ledger().lastFire(second.id())).isEmpty();
    }

    @Test
    void firstDelivery_refusesAReplayedSignature() {
        assertThat(ledger().firstDelivery(first.id(), "sha256=abc", T0)).isTrue();
        assertThat(ledger().firstDelivery(first.id(), "sha256=abc", at(1))).isFalse();
        assertThat(ledger().firstDelivery(first.id(), "sha256=def", at(1))).isTrue();
        assertThat(ledger().firstDelivery(second.id(), "sha256=abc", at(1))).isTrue();
    }
}
