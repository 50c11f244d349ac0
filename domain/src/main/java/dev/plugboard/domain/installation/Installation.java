package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
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

    private static final int MAX_ERROR_LENGTH = 2000;

    private final UUID id;
    private final Owner owner;
    private final PluginName plugin;
    private final JsonDocument settings;
    private final SealedSecrets secrets;
    private final boolean enabled;
    private final long executionCount;
    private final Instant lastExecutedAt;
    private final String lastError;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Installation(UUID id, Owner owner, PluginName plugin, JsonDocument settings, SealedSecrets secrets,
                         boolean enabled, long executionCount, Instant lastExecutedAt, String lastError, long version,
                         Instant createdAt, Instant updatedAt) {
        this.id = Require.present("installation id", id);
        this.owner = Require.present("owner", owner);
        this.plugin = Require.present("plugin", plugin);
        this.settings = Require.present("settings", settings);
        this.secrets = Require.present("secrets", secrets);
        this.enabled = enabled;
        this.executionCount = Require.notNegative("execution count", executionCount);
        this.lastExecutedAt = lastExecutedAt;
        this.lastError = lastError;
        this.version = Require.notNegative("version", version);
        this.createdAt = Require.present("created at", createdAt);
        this.updatedAt = Require.present("updated at", updatedAt);
    }

    /** A new installation; its settings must have passed the plugin's schema, secrets sealed. */
    public static Installation install(UUID id, Owner owner, PluginName plugin, SealedSettings settings,
                                       boolean enabled, Instant now) {
        Require.present("settings", settings);
        requireFor(plugin, settings.plugin());
        return new Installation(id, owner, plugin, settings.visible(), settings.secrets(), enabled, 0, null, null, 0,
                now, now);
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
        return new Installation(id, owner, plugin, settings, secrets, enabled, executionCount, lastExecutedAt,
                lastError, version, createdAt, updatedAt);
    }

    /** Rebuilds an installation without secrets from storage. */
    public static Installation reconstitute(UUID id, Owner owner, PluginName plugin, JsonDocument settings,
                                            boolean enabled, long executionCount, Instant lastExecutedAt,
                                            String lastError, long version, Instant createdAt, Instant updatedAt) {
        return reconstitute(id, owner, plugin, settings, SealedSecrets.none(), enabled, executionCount,
                lastExecutedAt, lastError, version, createdAt, updatedAt);
    }

    private static void requireFor(PluginName plugin, String validatedFor) {
        if (!validatedFor.equals(plugin.value())) {
            throw new InvalidValueException("settings", validatedFor, "were validated for another plugin than " + plugin);
        }
    }

    /** Replaces the settings with newly validated and sealed ones. */
    public Installation configure(SealedSettings newSettings, Instant now) {
        Require.present("settings", newSettings);
        requireFor(plugin, newSettings.plugin());
        return new Installation(id, owner, plugin, newSettings.visible(), newSettings.secrets(), enabled,
                executionCount, lastExecutedAt, lastError, version, createdAt, now);
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
        return new Installation(id, owner, plugin, Require.present("settings", visibleSettings),
                Require.present("secrets", newSecrets), enabled, executionCount, lastExecutedAt, lastError, version,
                createdAt, updatedAt);
    }

    /** The settings with every secret opened: only for handing to the plugin that runs. */
    public JsonDocument settingsInClear(SecretSealer sealer) {
        return SealedSettings.open(settings, secrets, sealer);
    }

    /** The owner's own switch; it does not override an administrator's global switch. */
    public Installation toggle(boolean on, Instant now) {
        return on == enabled ? this : new Installation(id, owner, plugin, settings, secrets, on, executionCount,
                lastExecutedAt, lastError, version, createdAt, now);
    }

    /**
     * Notes an attempt that ended without ending its run (a retry follows): when, and why; the
     * execution count, which counts runs, stays.
     */
    public Installation recordAttempt(String error, Instant now) {
        return new Installation(id, owner, plugin, settings, secrets, enabled, executionCount, now, trimmed(error), version,
                createdAt, now);
    }

    private static String trimmed(String error) {
        String trimmed = Require.nonBlank("error", error);
        return trimmed.length() > MAX_ERROR_LENGTH ? trimmed.substring(0, MAX_ERROR_LENGTH) : trimmed;
    }

    /** Counts a finished execution; a success clears the last error. */
    public Installation recordSuccess(Instant now) {
        return new Installation(id, owner, plugin, settings, secrets, enabled, executionCount + 1, now, null, version,
                createdAt, now);
    }

    /** Counts a failed or rejected execution and remembers why. */
    public Installation recordFailure(String error, Instant now) {
        String trimmed = Require.nonBlank("error", error);
        if (trimmed.length() > MAX_ERROR_LENGTH) {
            trimmed = trimmed.substring(0, MAX_ERROR_LENGTH);
        }
        return new Installation(id, owner, plugin, settings, secrets, enabled, executionCount + 1, now, trimmed, version,
                createdAt, now);
    }

    /** @throws InstallationDisabledException when the owner has switched this installation off */
    public void requireEnabled() {
        if (!enabled) {
            throw new InstallationDisabledException(owner, plugin.value());
        }
    }

    public UUID id() {
        return id;
    }

    public Owner owner() {
        return owner;
    }

    public PluginName plugin() {
        return plugin;
    }

    /** The stored settings: each secret reads {@code (set)}. */
    public JsonDocument settings() {
        return settings;
    }

    public SealedSecrets secrets() {
        return secrets;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long executionCount() {
        return executionCount;
    }

    public Optional<Instant> lastExecutedAt() {
        return Optional.ofNullable(lastExecutedAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Installation that && id.equals(that.id) && version == that.version
                && enabled == that.enabled && executionCount == that.executionCount
                && settings.equals(that.settings) && secrets.equals(that.secrets) && Objects.equals(lastError, that.lastError)
                && Objects.equals(lastExecutedAt, that.lastExecutedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Installation[" + owner + "/" + plugin + ", v" + version + (enabled ? ", enabled" : ", disabled") + "]";
    }
}
