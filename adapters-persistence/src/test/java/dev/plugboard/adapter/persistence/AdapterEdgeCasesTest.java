package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contracts leave open but PostgreSQL must still get right: unknown plugins, races, odd search text. */
class AdapterEdgeCasesTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final SettingsPolicy POLICY = new SettingsPolicy();
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Owner ALICE = Owner.user("alice");

    private Storage storage;

    @BeforeEach
    void freshStorage() {
        storage = DB.freshStorage();
    }

    @Test
    void givenUnknownPlugin_addingAnInstallationOrRun_isRefusedNamingThePlugin() {
        assertThatThrownBy(() -> storage.installations().add(installation(ALICE, TestPlugins.webhook())))
                .isInstanceOf(PluginNotFoundException.class).hasMessageContaining("webhook");
        assertThatThrownBy(() -> storage.runs().add(run(ALICE, "analytics", null)))
                .isInstanceOf(PluginNotFoundException.class).hasMessageContaining("analytics");
    }

    @Test
    void givenOwnerNeverProvisioned_add_provisionsItLikeTheInMemoryStoreAccepts() {
        register(TestPlugins.webhook());

        storage.installations().add(installation(Owner.organization("acme"), TestPlugins.webhook()));

        assertThat(storage.installations().countByOwner(Owner.organization("acme"))).isOne();
    }

    @Test
    void givenIdempotencyKeyTakenByTheOwner_addingAnotherRunWithIt_isAConcurrencyConflict() {
        register(TestPlugins.analytics());
        storage.runs().add(run(ALICE, "analytics", "key-1"));
        storage.runs().add(run(Owner.user("bob"), "analytics", "key-1"));

        assertThatThrownBy(() -> storage.runs().add(run(ALICE, "analytics", "key-1")))
                .isInstanceOf(ConcurrencyConflictException.class).hasMessageContaining("key-1");
    }

    @Test
    void givenRemovedInstallation_update_reportsItNotFound() {
        register(TestPlugins.webhook());
        Installation added = storage.installations().add(installation(ALICE, TestPlugins.webhook()));
        storage.installations().remove(ALICE, added.plugin());

        assertThatThrownBy(() -> storage.installations().update(added.toggle(false, T0)))
                .isInstanceOf(InstallationNotFoundException.class);
    }

    @Test
    void givenTextWithCaseOutsideAsciiOrABackslash_search_matchesLikeTheReference() {
        register(TestPlugins.simple("cafe", "general").toBuilder().description("Café au lait").build());
        register(TestPlugins.simple("paths", "general").toBuilder().description("Reads C:\\data files").build());
        register(TestPlugins.simple("other", "general").toBuilder().description("Reads data files").build());

        assertThat(names("CAFÉ")).containsExactly("cafe");
        assertThat(names("c:\\data")).containsExactly("paths");
        assertThat(names("\\")).containsExactly("paths");
    }

    @Test
    void givenStorageAppliedToTheUseCases_theCatalogIsSyncedIntoPostgres() {
        Plugboard plugboard = DB.bean(PostgresStorage.class)
                .applyTo(Plugboard.builder().manifest(TestPlugins.webhook()).manifest(TestPlugins.analytics()))
                .build();

        plugboard.syncCatalog();

        assertThat(storage.plugins().findAll()).extracting(plugin -> plugin.name().value())
                .containsExactly("analytics", "webhook");
    }

    private void register(PluginManifest manifest) {
        storage.plugins().save(Plugin.register(manifest, POLICY, T0));
    }

    private static Installation installation(Owner owner, PluginManifest manifest) {
        return Installation.install(UUID.randomUUID(), owner, manifest.name(),
                POLICY.require(manifest.settingsSpec(), TestPlugins.webhookSettings()), true, T0);
    }

    private static PluginRun run(Owner owner, String plugin, String key) {
        return PluginRun.create(RunId.of(UUID.randomUUID()), owner, PluginName.of(plugin), RunTrigger.MANUAL,
                JsonDocument.empty(), Optional.ofNullable(key), T0);
    }

    private java.util.List<String> names(String text) {
        return storage.plugins().search(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of(text),
                Optional.empty()), PageRequest.first()).items().stream().map(plugin -> plugin.name().value()).toList();
    }
}
