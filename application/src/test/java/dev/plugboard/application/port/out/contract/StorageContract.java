package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Base of the port contract tests: each subclass says how to get fresh, empty storage, and the
 * same assertions then run against the in-memory adapters and against PostgreSQL.
 */
public abstract class StorageContract {

    protected static final SettingsPolicy POLICY = new SettingsPolicy();
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    protected static final Owner ALICE = Owner.user("alice");
    protected static final Owner BOB = Owner.user("bob");
    protected static final Owner ACME = Owner.organization("acme");

    protected Storage storage;

    /** Fresh, empty storage for one test. */
    protected abstract Storage newStorage();

    @BeforeEach
    void freshStorage() {
        storage = newStorage();
    }

    protected Plugin registered(PluginManifest manifest) {
        Plugin plugin = Plugin.register(manifest, POLICY, T0);
        storage.plugins().save(plugin);
        return plugin;
    }

    protected Installation installed(Owner owner, PluginManifest manifest, JsonDocument settings) {
        storage.owners().ensureExists(owner, T0);
        if (storage.plugins().find(manifest.name()).isEmpty()) {
            registered(manifest);
        }
        return storage.installations().add(Installation.install(UUID.randomUUID(), owner, manifest.name(),
                POLICY.require(manifest.settingsSpec(), settings), true, T0));
    }

    protected Installation installedWebhook(Owner owner) {
        return installed(owner, TestPlugins.webhook(), TestPlugins.webhookSettings());
    }

    protected static Instant at(long secondsAfterT0) {
        return T0.plus(secondsAfterT0, ChronoUnit.SECONDS);
    }
}
