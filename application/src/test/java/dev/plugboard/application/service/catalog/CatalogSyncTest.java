package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Change;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginDisabledException;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Syncing the catalog with the manifests, as the server does on every start and on demand. */
class CatalogSyncTest {

    private final TestClock clock = new TestClock();
    private final InMemoryStores storage = new InMemoryStores();
    private final SettableManifests manifests =
            new SettableManifests(List.of(TestPlugins.registrableWebhook(), TestPlugins.analytics()));

    /** A start of Plugboard on the storage of every earlier start, reading the current manifests. */
    private Plugboard start() {
        return storage.wire(Plugboard.builder())
                .clock(clock)
                .manifestSource(manifests)
                .build();
    }

    @Test
    void givenEmptyCatalog_sync_addsEveryManifestEnabledAndAuditsEachOne() {
        Plugboard plugboard = start();

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).containsExactly("webhook", "analytics");
        assertThat(report.updated()).isEmpty();
        assertThat(report.unchanged()).isEmpty();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.summary()).isEqualTo("2 added, 0 updated, 0 unchanged, 0 rejected");
        Plugin webhook = plugboard.catalog().get("webhook");
        assertThat(webhook.manifest()).isEqualTo(TestPlugins.registrableWebhook());
        assertThat(webhook.isEnabled()).isTrue();
        assertThat(webhook.registeredAt()).isEqualTo(TestClock.START);
        assertThat(webhook.enabledAt()).contains(TestClock.START);
        assertThat(plugboard.catalog().get("analytics").isEnabled()).isTrue();

        AuditEntry added = AuditEntries.single(plugboard, AuditAction.SYNC, "plugin:webhook", AuditEntry.Outcome.SUCCESS);
        assertThat(added.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(added.actor()).isEqualTo(Actor.system());
        assertThat(added.detail()).isEqualTo("registered version 1.0.0");
        assertThat(added.before()).isEmpty();
        assertThat(added.after()).contains(JsonDocument.parse("{\"version\": \"1.0.0\", \"enabled\": true}"));
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "catalog"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("2 added, 0 updated, 0 unchanged, 0 rejected"));
    }

    @Test
    void givenTwoNewManifests_sync_tellsItsListenerAfterEachPluginItStores_andADryRunTellsNothing() {
        Plugboard plugboard = start();
        List<String> told = new java.util.ArrayList<>();
        ProgressListener listener = (task, done, total) -> told.add(task + " " + done + "/" + total);

        plugboard.catalogSync().sync(new SyncCatalogCommand(Actor.system(), Optional.empty(), new SyncOptions(true, false, false),
                listener));
        plugboard.catalogSync().sync(new SyncCatalogCommand(Actor.system(), Optional.empty(), SyncOptions.DEFAULT, listener));

        assertThat(told).containsExactly("sync plugins 1/2", "sync plugins 2/2");
    }

    @Test
    void givenSyncedCatalog_syncAgain_reportsEverythingUnchangedAndChangesNothing() {
        Plugboard plugboard = start();
        plugboard.syncCatalog();
        Plugin before = plugboard.catalog().get("webhook");
        clock.advanceSeconds(60);

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).isEmpty();
        assertThat(report.updated()).isEmpty();
        assertThat(report.unchanged()).containsExactly("webhook", "analytics");
        assertThat(report.summary()).isEqualTo("0 added, 0 updated, 2 unchanged, 0 rejected");
        assertThat(plugboard.catalog().get("webhook")).isEqualTo(before);
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:webhook")).hasSize(1);
        // A sync that changes nothing (every start of every instance) leaves no audit entry.
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "catalog")).hasSize(1);
    }

    @Test
    void givenNewManifestVersion_sync_reportsItUpdatedFromOldToNewVersionAndAuditsIt() {
        Plugboard plugboard = start();
        plugboard.syncCatalog();
        Instant later = clock.advanceSeconds(60);
        manifests.set(List.of(TestPlugins.registrableWebhook().toBuilder().version("1.1.0").build(),
                TestPlugins.analytics()));

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.updated()).containsExactly(new Change("webhook", "1.0.0", "1.1.0"));
        assertThat(report.unchanged()).containsExactly("analytics");
        Plugin webhook = plugboard.catalog().get("webhook");
        assertThat(webhook.version()).hasToString("1.1.0");
        assertThat(webhook.registeredAt()).isEqualTo(TestClock.START);
        assertThat(webhook.updatedAt()).isEqualTo(later);
        AuditEntry update = AuditEntries.latest(plugboard, AuditAction.SYNC, "plugin:webhook");
        assertThat(update.detail()).isEqualTo("version 1.0.0 -> 1.1.0");
        assertThat(update.before()).contains(JsonDocument.parse("{\"version\": \"1.0.0\", \"enabled\": true}"));
        assertThat(update.after()).contains(JsonDocument.parse("{\"version\": \"1.1.0\", \"enabled\": true}"));
        assertThat(update.at()).isEqualTo(later);
    }

    @Test
    void givenDisabledPlugin_restartAndSync_keepsItDisabledEvenAcrossAnUpgrade() {
        Plugboard first = start();
        first.syncCatalog();
        Instant disabledAt = clock.advanceSeconds(10);
        first.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PluginName.of("webhook"), false, false));

        clock.advanceSeconds(3600);
        Plugboard restarted = start();
        SyncReport afterRestart = restarted.syncCatalog();

        assertThat(afterRestart.unchanged()).containsExactly("webhook", "analytics");
        Plugin webhook = restarted.catalog().get("webhook");
        assertThat(webhook.isEnabled()).isFalse();
        assertThat(webhook.disabledAt()).contains(disabledAt);
        assertThatThrownBy(() -> restarted.installations().install(new InstallPluginCommand(Caller.user("alice", null),
                PluginName.of("webhook"), Optional.empty(), Optional.empty())))
                .isInstanceOf(PluginDisabledException.class);

        manifests.set(List.of(TestPlugins.registrableWebhook().toBuilder().version("2.0.0").build(),
                TestPlugins.analytics()));
        Plugboard upgraded = start();
        SyncReport afterUpgrade = upgraded.syncCatalog();

        assertThat(afterUpgrade.updated()).containsExactly(new Change("webhook", "1.0.0", "2.0.0"));
        assertThat(upgraded.catalog().get("webhook").isEnabled()).isFalse();
        assertThat(upgraded.catalog().get("webhook").disabledAt()).contains(disabledAt);
        assertThat(upgraded.catalog().get("analytics").isEnabled()).isTrue();
    }

    @Test
    void givenManifestThatCannotBeRegistered_sync_rejectsItAndStillAddsTheOthers() {
        PluginManifest broken = PluginManifest.builder("broken", "1.0.0")
                .settingsSchema(JsonDocument.parse("{\"type\": \"objekt\"}"))
                .build();
        manifests.set(List.of(broken, TestPlugins.analytics()));
        Plugboard plugboard = start();

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).containsExactly("analytics");
        assertThat(report.rejected()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("broken");
            assertThat(problem.message()).contains("settings schema is not a valid JSON Schema: /type");
        });
        assertThatThrownBy(() -> plugboard.catalog().get("broken")).isInstanceOf(PluginNotFoundException.class);
        assertThat(AuditEntries.single(plugboard, AuditAction.SYNC, "catalog", AuditEntry.Outcome.SUCCESS).detail())
                .startsWith("1 added, 0 updated, 0 unchanged, 1 rejected; rejected: broken: plugin broken cannot be registered");
    }

    @Test
    void givenDependentListedBeforeItsDependency_sync_registersTheDependencyFirst() {
        manifests.set(List.of(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^1.0.0"),
                TestPlugins.simple("base", "general", "1.2.0")));
        Plugboard plugboard = start();

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).containsExactly("base", "reporter");
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void givenManifestWithUnsatisfiedDependency_sync_rejectsItNamingTheProblem() {
        manifests.set(List.of(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^2.0.0"),
                TestPlugins.simple("base", "general", "1.2.0")));
        Plugboard plugboard = start();

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).containsExactly("base");
        assertThat(report.rejected()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("reporter");
            assertThat(problem.message()).contains("needs base ^2.0.0 but the catalog has base 1.2.0");
        });
    }

    @Test
    void givenTwoManifestsOfTheSameName_sync_usesTheFirstAndRejectsTheOther() {
        manifests.set(List.of(TestPlugins.simple("base", "general", "1.0.0"), TestPlugins.simple("base", "general", "9.0.0")));
        Plugboard plugboard = start();

        SyncReport report = plugboard.syncCatalog();

        assertThat(report.added()).containsExactly("base");
        assertThat(report.rejected()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("two manifests declare this name"));
        assertThat(plugboard.catalog().get("base").version()).hasToString("1.0.0");
    }
}
