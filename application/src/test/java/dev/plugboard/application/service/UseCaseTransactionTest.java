package dev.plugboard.application.service;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginDisabledException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each use case is one transaction: when its last write (the audit entry of its success) fails,
 * every earlier write of it is gone too, and a refusal is still recorded.
 */
class UseCaseTransactionTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName WEBHOOK = PluginName.of("webhook");

    /** An audit log that breaks on the entries a test picks, as a database might mid-transaction. */
    private static final class BreakingAuditLog implements AuditLog {
        private final AuditLog delegate;
        private volatile Predicate<AuditEntry> breaksOn = entry -> false;
        private volatile Supplier<RuntimeException> failure = () -> new IllegalStateException("audit store unavailable");

        BreakingAuditLog(AuditLog delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(AuditEntry entry) {
            if (breaksOn.test(entry)) {
                throw failure.get();
            }
            delegate.append(entry);
        }

        @Override
        public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
            return delegate.search(filter, page);
        }
    }

    /** A refusal raised deep inside a use case after it has written something. */
    private static final class LateRefusal extends DomainException {
        LateRefusal() {
            super("refused after writing");
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        @Override
        public String code() {
            return "late_refusal";
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }

    private static Predicate<AuditEntry> successOf(AuditAction action) {
        return entry -> entry.action() == action && entry.outcome() == AuditEntry.Outcome.SUCCESS;
    }

    private final InMemoryStores storage = new InMemoryStores();
    private final BreakingAuditLog audit = new BreakingAuditLog(storage.auditLog);
    private final Plugboard plugboard = storage.wire(Plugboard.builder(), audit)
            .manifest(TestPlugins.registrableWebhook())
            .manifest(TestPlugins.analytics())
            .build();

    private InstallationView installWebhook() {
        return plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty()));
    }

    @Test
    void givenAuditWriteFailing_install_throwsAndLeavesNeitherInstallationNorOwnerBehind() {
        plugboard.syncCatalog();
        audit.breaksOn = successOf(AuditAction.INSTALL);

        assertThatThrownBy(this::installWebhook)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("audit store unavailable");

        assertThat(storage.installations.findByOwner(ALICE_OWNER)).isEmpty();
        assertThat(storage.owners.knows(ALICE_OWNER)).isFalse();
        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).isEmpty();
        assertThat(AuditEntries.matching(plugboard, new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(AuditAction.INSTALL), Optional.empty()))).isEmpty();

        audit.breaksOn = entry -> false;
        assertThat(installWebhook().version()).isZero();
    }

    @Test
    void givenAuditWriteFailing_configure_keepsTheSettingsAndVersionItHadBefore() {
        plugboard.syncCatalog();
        InstallationView installed = installWebhook();
        audit.breaksOn = successOf(AuditAction.CONFIGURE);

        assertThatThrownBy(() -> plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, WEBHOOK,
                JsonDocument.parse("{\"url\": \"https://example.test/new\"}"), OptionalLong.empty())))
                .isInstanceOf(IllegalStateException.class);

        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook")).isEqualTo(installed);
    }

    @Test
    void givenAuditWriteFailing_startRun_queuesNothingAndLeavesTheIdempotencyKeyFree() {
        plugboard.syncCatalog();
        installWebhook();
        audit.breaksOn = successOf(AuditAction.RUN_STARTED);
        StartRunCommand command = new StartRunCommand(ALICE, WEBHOOK, JsonDocument.empty(), RunTrigger.MANUAL,
                Optional.of("retry-me"));

        assertThatThrownBy(() -> plugboard.runs().start(command)).isInstanceOf(IllegalStateException.class);

        assertThat(plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first()).items()).isEmpty();
        audit.breaksOn = entry -> false;
        PluginRun run = plugboard.runs().start(command);
        assertThat(plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first()).items()).containsExactly(run);
    }

    @Test
    void givenAuditWriteFailingAtTheEndOfASync_sync_leavesTheCatalogEmpty() {
        audit.breaksOn = entry -> entry.action() == AuditAction.SYNC && entry.target().equals("catalog");

        assertThatThrownBy(plugboard::syncCatalog).isInstanceOf(IllegalStateException.class);

        assertThat(plugboard.catalog().list(CatalogFilter.ALL, PageRequest.first()).items()).isEmpty();
        assertThat(storage.auditLog.all()).isEmpty();
    }

    @Test
    void givenDomainRefusalAfterAWrite_configure_rollsTheWriteBackButRecordsTheRefusal() {
        plugboard.syncCatalog();
        InstallationView installed = installWebhook();
        audit.failure = LateRefusal::new;
        audit.breaksOn = successOf(AuditAction.CONFIGURE);

        assertThatThrownBy(() -> plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, WEBHOOK,
                JsonDocument.parse("{\"url\": \"https://example.test/new\"}"), OptionalLong.empty())))
                .isInstanceOf(LateRefusal.class);

        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook")).isEqualTo(installed);
        assertThat(AuditEntries.of(plugboard, AuditAction.CONFIGURE, "installation:user:alice/webhook"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
                    assertThat(entry.detail()).isEqualTo("late_refusal: refused after writing");
                });
    }

    @Test
    void givenRefusedUseCase_theAuditTrail_keepsAFailureEntryWithTheErrorCode() {
        plugboard.syncCatalog();
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), WEBHOOK, false, false));

        assertThatThrownBy(this::installWebhook).isInstanceOf(PluginDisabledException.class);

        assertThat(AuditEntries.of(plugboard, AuditAction.INSTALL, "installation:user:alice/webhook"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
                    assertThat(entry.actor()).isEqualTo(Actor.user("alice"));
                    assertThat(entry.before()).isEmpty();
                    assertThat(entry.after()).isEmpty();
                    assertThat(entry.detail()).isEqualTo(
                            "plugin_disabled: plugin 'webhook' is disabled by an administrator; ask one to enable it");
                });
        assertThat(storage.installations.findByOwner(ALICE_OWNER)).isEmpty();
        assertThat(storage.owners.knows(ALICE_OWNER)).isFalse();
    }
}
