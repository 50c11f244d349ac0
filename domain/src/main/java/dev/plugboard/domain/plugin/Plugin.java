package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog entry: a manifest plus the global switch an administrator flips. Immutable; every
 * change returns a new instance. A plugin is only registered when its default settings satisfy
 * its own settings schema and every schema it declares is a valid JSON Schema.
 */
public final class Plugin {

    private final PluginManifest manifest;
    private final boolean enabled;
    private final Instant enabledAt;
    private final Instant disabledAt;
    private final Instant registeredAt;
    private final Instant updatedAt;
    private final Instant retiredAt;

    private Plugin(PluginManifest manifest, boolean enabled, Instant enabledAt, Instant disabledAt,
                   Instant registeredAt, Instant updatedAt) {
        this(manifest, enabled, enabledAt, disabledAt, registeredAt, updatedAt, null);
    }

    private Plugin(PluginManifest manifest, boolean enabled, Instant enabledAt, Instant disabledAt,
                   Instant registeredAt, Instant updatedAt, Instant retiredAt) {
        this.manifest = Require.present("manifest", manifest);
        this.enabled = enabled;
        this.enabledAt = enabledAt;
        this.disabledAt = disabledAt;
        this.registeredAt = Require.present("registered at", registeredAt);
        this.updatedAt = Require.present("updated at", updatedAt);
        this.retiredAt = retiredAt;
    }

    /**
     * Registers a new plugin, enabled.
     *
     * @throws InvalidPluginException listing every problem with the manifest's schemas and defaults
     */
    public static Plugin register(PluginManifest manifest, SettingsPolicy policy, Instant now) {
        requireCoherent(manifest, policy);
        return new Plugin(manifest, true, now, null, now, now);
    }

    /** Rebuilds a plugin from storage; trusts what was checked when it was registered. */
    public static Plugin reconstitute(PluginManifest manifest, boolean enabled, Instant enabledAt, Instant disabledAt,
                                      Instant registeredAt, Instant updatedAt) {
        return new Plugin(manifest, enabled, enabledAt, disabledAt, registeredAt, updatedAt);
    }

    /** Rebuilds a plugin from storage, retired since {@code retiredAt} when that is not null. */
    public static Plugin reconstitute(PluginManifest manifest, boolean enabled, Instant enabledAt, Instant disabledAt,
                                      Instant registeredAt, Instant updatedAt, Instant retiredAt) {
        return new Plugin(manifest, enabled, enabledAt, disabledAt, registeredAt, updatedAt, retiredAt);
    }

    /** Its manifest disappeared: no new installs or runs; existing installations and history are kept. */
    public Plugin retire(Instant now) {
        return retiredAt != null ? this : new Plugin(manifest, enabled, enabledAt, disabledAt, registeredAt, now, now);
    }

    /** Its manifest came back: a retired plugin is in service again. */
    public Plugin restore(Instant now) {
        return retiredAt == null ? this : new Plugin(manifest, enabled, enabledAt, disabledAt, registeredAt, now, null);
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    private static void requireCoherent(PluginManifest manifest, SettingsPolicy policy) {
        List<String> problems = new ArrayList<>(policy.problemsOf(manifest.settingsSpec()));
        manifest.inputSchema().ifPresent(schema -> problems.addAll(policy.schemaProblems("input schema", schema)));
        manifest.outputSchema().ifPresent(schema -> problems.addAll(policy.schemaProblems("output schema", schema)));
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(manifest.name().value(), problems);
        }
    }

    /** The same plugin described by a newer (or otherwise changed) manifest; the global switch is kept. */
    public Plugin withManifest(PluginManifest newManifest, SettingsPolicy policy, Instant now) {
        if (!newManifest.name().equals(manifest.name())) {
            throw new IllegalArgumentException("a manifest of " + newManifest.name() + " cannot replace " + manifest.name());
        }
        requireCoherent(newManifest, policy);
        return new Plugin(newManifest, enabled, enabledAt, disabledAt, registeredAt, now, retiredAt);
    }

    /** Switches the plugin on for everyone; enabling an enabled plugin changes nothing. */
    public Plugin enable(Instant now) {
        return enabled ? this : new Plugin(manifest, true, now, disabledAt, registeredAt, now, retiredAt);
    }

    /** Switches the plugin off for everyone; disabling a disabled plugin changes nothing. */
    public Plugin disable(Instant now) {
        return enabled ? new Plugin(manifest, false, enabledAt, now, registeredAt, now, retiredAt) : this;
    }

    public PluginName name() {
        return manifest.name();
    }

    public SemanticVersion version() {
        return manifest.version();
    }

    public PluginManifest manifest() {
        return manifest;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Optional<Instant> enabledAt() {
        return Optional.ofNullable(enabledAt);
    }

    public Optional<Instant> disabledAt() {
        return Optional.ofNullable(disabledAt);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * @throws PluginRetiredException when its manifest disappeared from the plugins directory
     * @throws PluginDisabledException when an administrator switched the plugin off
     */
    public void requireEnabled() {
        if (retiredAt != null) {
            throw new PluginRetiredException(name().value());
        }
        if (!enabled) {
            throw new PluginDisabledException(name().value());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Plugin plugin && manifest.equals(plugin.manifest) && enabled == plugin.enabled
                && Objects.equals(enabledAt, plugin.enabledAt) && Objects.equals(disabledAt, plugin.disabledAt)
                && registeredAt.equals(plugin.registeredAt) && updatedAt.equals(plugin.updatedAt)
                && Objects.equals(retiredAt, plugin.retiredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(manifest, enabled, enabledAt, disabledAt);
    }

    @Override
    public String toString() {
        return "Plugin[" + name() + " " + version() + (enabled ? ", enabled" : ", disabled") + "]";
    }
}
