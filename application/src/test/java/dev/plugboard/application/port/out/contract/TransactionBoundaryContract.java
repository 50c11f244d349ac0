package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.PluginName;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link dev.plugboard.application.port.out.TransactionBoundary} must do. */
public abstract class TransactionBoundaryContract extends StorageContract {

    @Test
    void givenWorkThatFailsHalfWay_inTransaction_leavesNothingOfItBehind() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            installedWebhook(ALICE);
            storage.audit().append(new AuditEntry(UUID.randomUUID(), T0, Actor.system(), AuditAction.INSTALL, "x",
                    AuditEntry.Outcome.SUCCESS, Optional.empty(), Optional.empty(), ""));
            throw new IllegalStateException("failure half-way");
        })).hasMessage("failure half-way");

        assertThat(storage.plugins().find(PluginName.of("webhook"))).isEmpty();
        assertThat(storage.installations().findByOwner(ALICE)).isEmpty();
        assertThat(storage.audit().search(AuditFilter.ALL, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void givenWorkThatSucceeds_inTransaction_commitsAllOfIt() {
        String result = storage.transactions().inTransaction(() -> {
            installedWebhook(ALICE);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(storage.installations().findByOwner(ALICE)).hasSize(1);
    }

    @Test
    void givenNestedTransactionThatFails_theWholeOuterTransactionRollsBack() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            registered(TestPlugins.analytics());
            return storage.transactions().inTransaction(() -> {
                installedWebhook(ALICE);
                throw new IllegalStateException("inner failure");
            });
        })).hasMessage("inner failure");

        assertThat(storage.plugins().findAll()).isEmpty();
        assertThat(storage.installations().findByOwner(ALICE)).isEmpty();
    }

    @Test
    void givenNestedTransactionThatFailsAndIsCaught_onlyItsOwnWritesAreUndone_andTheOuterCommits() {
        String result = storage.transactions().inTransaction(() -> {
            registered(TestPlugins.analytics());
            try {
                storage.transactions().inTransaction(() -> {
                    installedWebhook(ALICE);
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException refused) {
                // an event or a workflow step records the refusal and goes on
            }
            return "outer went on";
        });

        assertThat(result).isEqualTo("outer went on");
        assertThat(storage.plugins().find(PluginName.of("analytics"))).isPresent();
        assertThat(storage.plugins().find(PluginName.of("webhook"))).isEmpty();
        assertThat(storage.installations().findByOwner(ALICE)).isEmpty();
    }
}
