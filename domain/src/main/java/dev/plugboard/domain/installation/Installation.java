package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SecretSealer;
import dev.plugboard.domain.settings.ValidatedSettings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One owner's use of one plugin: its settings, its own on/off switch and its execution record.
 * Its settings are held as stored: secrets read {@code (set)} in {@link #settings()} and are kept
 * sealed in {@link #secrets()}; only {@link #settingsInClear} opens them, for a run.
 * Immutable; {@code version} is the optimistic-locking version the stored copy had when loaded.
 */
public final class Installation {

    private final UUID id;
    private final Owner owner;
    private final PluginName plugin;
    private final JsonDocument settings;
    private final SealedSecrets secrets;
    private final boolean enabled;
    private final ExecutionRecord execution;
    private final Attention attention;
    private final Provenance provenance;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Installation(UUID id, Owner owner, PluginName plugin, JsonDocument settings, SealedSecrets secrets,
                         boolean enabled, ExecutionRecord execution, Attention attention, Provenance provenance,
                         long version, Instant createdAt, Instant updatedAt) {
        this.id = Require.present("installation id", id);
        this.owner = Require.present("owner", owner);
        this.plugin = Require.present("plugin", plugin);
        this.settings = Require.present("settings", settings);
        this.secrets = Require.present("secrets", secrets);
        this.enabled = enabled;
        this.execution = Require.present("execution record", execution);
        this.attention = Require.present("attention", attention);
        this.provenance = Require.present("provenance", provenance);
        this.version = Require.notNegative("version", version);
        this.createdAt = Require.present("created at", createdAt);
        this.updatedAt = Require.present("updated at", updatedAt);
    }

    /** A new installation; its settings must have passed the plugin's schema, secrets sealed. */
    public static Installation install(UUID id, Owner owner, PluginName plugin, SealedSettings settings,
                                       boolean enabled, Instant now) {
        Require.present("settings", settings);
        requireFor(plugin, settings.plugin());
        return new Installation(id, owner, plugin, settings.visible(), settings.secrets(), enabled, ExecutionRecord.NONE,
                Attention.none(), Provenance.UNKNOWN, 0, now, now);
    }

    /** A new installation whose validated settings hold no secret. */
    public static Installation install(UUID id, Owner owner, PluginName plugin, ValidatedSettings settings,
                                       boolean enabled, Instant now) {
        Require.present("settings", settings);
        return install(id, owner, plugin, settings.seal(java.util.Set.of(), null), enabled, now);
    }

    /** Rebuilds an installation from storage. */
    public static Installation reconstitute(UUID id, Owner owner, PluginName plugin, JsonDocument settings,
                                            SealedSecrets secrets, boolean enabled, long executionCount,
                                            Instant lastExecutedAt, String lastError, long version,
                                            Instant createdAt, Instant updatedAt) {
        return new Installation(id, owner, plugin, settings, secrets, enabled,
                new ExecutionRecord(executionCount, lastExecutedAt, lastError), Attention.none(), Provenance.UNKNOWN, version,
                createdAt, updatedAt);
    }

    private static void requireFor(PluginName plugin, String validatedFor) {
        if (!validatedFor.equals(plugin.value())) {
            throw new InvalidValueException("settings", validatedFor, "were validated for another plugin than " + plugin);
        }
    }

    private Installation with(JsonDocument newSettings, SealedSecrets newSecrets, boolean on, ExecutionRecord record,
                              Attention newAttention, Instant updated) {
        return new Installation(id, owner, plugin, newSettings, newSecrets, on, record, newAttention, provenance, version,
                createdAt, updated);
    }

    /** Replaces the settings with newly validated and sealed ones; valid settings need no attention. */
    public Installation configure(SealedSettings newSettings, Instant now) {
        Require.present("settings", newSettings);
        requireFor(plugin, newSettings.plugin());
        return with(newSettings.visible(), newSettings.secrets(), enabled, execution, Attention.none(), now);
    }

    /** Replaces validated settings that hold no secret. */
    public Installation configure(ValidatedSettings newSettings, Instant now) {
        Require.present("settings", newSettings);
        return configure(newSettings.seal(java.util.Set.of(), null), now);
    }

    /**
     * The same settings sealed anew (a rotated key, or plain-text secrets of an older version sealed):
     * not a change of the owner's, so neither the version nor the update time moves.
     */
    public Installation resealed(JsonDocument visibleSettings, SealedSecrets newSecrets) {
        return with(Require.present("settings", visibleSettings), Require.present("secrets", newSecrets), enabled,
                execution, attention, updatedAt);
    }

    /**
     * The outcome of checking the stored settings against a new settings schema, after the
     * manifest's settings migrations turned them into {@code migratedSettings}.
     */
    public Installation revalidated(JsonDocument migratedSettings, Attention found, Instant now) {
        return with(Require.present("settings", migratedSettings), secrets, enabled, execution,
                Require.present("attention", found), now);
    }

    /** The same installation with the attention state stored for it (storage, not a change of the owner's). */
    public Installation withAttention(Attention stored) {
        return with(settings, secrets, enabled, execution, Require.present("attention", stored), updatedAt);
    }

    /** The same installation with who installed it, and at which plugin version (set at install, or from storage). */
    public Installation withProvenance(Provenance recorded) {
        return new Installation(id, owner, plugin, settings, secrets, enabled, execution, attention,
                Require.present("provenance", recorded), version, createdAt, updatedAt);
    }

    /** The settings with every secret opened: only for handing to the plugin that runs. */
    public JsonDocument settingsInClear(SecretSealer sealer) {
        return SealedSettings.open(settings, secrets, sealer);
    }

    /**
     * The owner changed one environment's override, which is stored beside the installation: its version
     * and update time move all the same, so an edit based on what was read before is refused as stale.
     */
    public Installation overrideChanged(Instant now) {
        return with(settings, secrets, enabled, execution, attention, now);
    }

    /** The owner's own switch; it does not override an administrator's global switch. */
    public Installation toggle(boolean on, Instant now) {
        return on == enabled ? this : with(settings, secrets, on, execution, attention, now);
    }

    /**
     * Notes an attempt that ended without ending its run (a retry follows): when, and why; the
     * execution count, which counts runs, stays.
     */
    public Installation recordAttempt(String error, Instant now) {
        return with(settings, secrets, enabled, execution.attempt(error, now), attention, now);
    }

    /** Counts a finished execution; a success clears the last error. */
    public Installation recordSuccess(Instant now) {
        return with(settings, secrets, enabled, execution.success(now), attention, now);
    }

    /** Counts a failed or rejected execution and remembers why. */
    public Installation recordFailure(String error, Instant now) {
        return with(settings, secrets, enabled, execution.failure(error, now), attention, now);
    }

    /** @throws InstallationDisabledException when the owner has switched this installation off */
    public void requireEnabled() {
        if (!enabled) {
            throw new InstallationDisabledException(owner, plugin.value());
        }
    }

    /** @throws InvalidSettingsException ({@code SETTINGS_INVALID}) while a schema change left the settings invalid */
    public void requireSettingsValid() {
        if (attention.needed()) {
            throw InvalidSettingsException.storedSettingsInvalid(owner.toString(), plugin.value(), attention.violations());
        }
    }

    public UUID id() { return id; }
    public Owner owner() { return owner; }
    public PluginName plugin() { return plugin; }

    /** The stored settings: each secret reads {@code (set)}. */
    public JsonDocument settings() { return settings; }
    public SealedSecrets secrets() { return secrets; }
    public boolean isEnabled() { return enabled; }

    /** Whether a schema change left the stored settings invalid, and why. */
    public Attention attention() { return attention; }

    /** Who installed it and at which plugin version; it was installed at {@link #createdAt()}. */
    public Provenance provenance() { return provenance; }
    public long executionCount() { return execution.count(); }
    public Optional<Instant> lastExecutedAt() { return execution.lastExecuted(); }
    public Optional<String> lastError() { return execution.error(); }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Installation that && id.equals(that.id) && version == that.version
                && enabled == that.enabled && execution.equals(that.execution) && attention.equals(that.attention)
                && settings.equals(that.settings) && secrets.equals(that.secrets);
    }

    @Override
    public int hashCode() { return Objects.hash(id, version); }

    @Override
    public String toString() {
        return "Installation[" + owner + "/" + plugin + ", v" + version + (enabled ? ", enabled" : ", disabled")
                + (attention.needed() ? ", needs attention" : "") + "]";
    }
}
