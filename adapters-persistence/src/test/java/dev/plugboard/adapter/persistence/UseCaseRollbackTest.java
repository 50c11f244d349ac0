package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real use case on PostgreSQL that fails half-way, after it wrote the owner and the
 * installation, leaves nothing behind: the whole use case is one database transaction.
 */
class UseCaseRollbackTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Owner ALICE = Owner.user("alice");
    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private Storage storage;
    private ExecutionStorage execution;

    @BeforeEach
    void freshStorage() {
        execution = DB.freshExecutionStorage();
        storage = execution.storage();
    }

    @Test
    void givenAuditAppendThatFails_install_leavesNeitherInstallationNorOwnerBehind() {
        Plugboard plugboard = plugboard(new FailingOn(AuditAction.INSTALL, storage.audit()));
        plugboard.syncCatalog();

        assertThatThrownBy(() -> plugboard.installations().install(install()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit store unavailable");

        assertThat(storage.installations().find(ALICE, WEBHOOK)).isEmpty();
        assertThat(count("SELECT count(*) FROM installations")).isZero();
        assertThat(count("SELECT count(*) FROM users")).as("the owner provisioned by the use case").isZero();
        assertThat(storage.audit().search(new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(AuditAction.INSTALL), Optional.empty()), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void givenWorkingAudit_install_commitsInstallationOwnerAndAuditTogether() {
        Plugboard plugboard = plugboard(storage.audit());
        plugboard.syncCatalog();

        plugboard.installations().install(install());

        assertThat(storage.installations().find(ALICE, WEBHOOK)).isPresent();
        assertThat(count("SELECT count(*) FROM users WHERE id = 'alice'")).isOne();
        assertThat(storage.audit().search(AuditFilter.ALL, PageRequest.first()).items())
                .extracting(AuditEntry::action).first().isEqualTo(AuditAction.INSTALL);
    }

    @Test
    void givenRefusedUseCase_theRefusalIsAuditedButNothingElseIsWritten() {
        Plugboard plugboard = plugboard(storage.audit());
        plugboard.syncCatalog();
        plugboard.installations().install(install());

        assertThatThrownBy(() -> plugboard.installations().install(install()))
                .hasMessageContaining("already installed");

        assertThat(count("SELECT count(*) FROM installations")).isOne();
        assertThat(storage.audit().search(AuditFilter.ALL, PageRequest.first()).items())
                .extracting(AuditEntry::outcome).first().isEqualTo(AuditEntry.Outcome.FAILURE);
    }

    private Plugboard plugboard(AuditLog audit) {
        return Plugboard.builder()
                .manifest(TestPlugins.webhook())
                .storage(storage.plugins(), storage.installations(), storage.runs(), storage.owners(), audit,
                        storage.transactions())
                .executionStorage(execution.queue(), execution.circuits(), execution.store(), execution.events())
                .build();
    }

    private static InstallPluginCommand install() {
        return new InstallPluginCommand(Caller.user("alice", null), WEBHOOK, Optional.of(TestPlugins.webhookSettings()),
                Optional.empty());
    }

    private static long count(String query) {
        try (Connection connection = DB.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** An audit log that breaks down for one action, as a full disk or a lost connection would. */
    private record FailingOn(AuditAction action, AuditLog delegate) implements AuditLog {
        @Override
        public void append(AuditEntry entry) {
            if (entry.action() == action) {
                throw new IllegalStateException("audit store unavailable");
            }
            delegate.append(entry);
        }

        @Override
        public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
            return delegate.search(filter, page);
        }
    }
}
