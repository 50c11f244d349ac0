package dev.plugboard.application.port.in.installation;

import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.Provenance;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An installation as it may be shown: secret settings read {@code (set)}, and {@code secretsSet}
 * names the secret fields that have a value; {@code attention} says whether a schema change left the
 * settings invalid, and why. Use cases hand out only this, never raw settings. {@code environment}
 * names whose settings {@code settings} are (the base's for the default, else the base's with that
 * environment's override merged over them); {@code overrides} holds every environment's override as stored,
 * secrets read {@code (set)}. {@code provenance} says who installed it at which plugin version, and
 * {@code pluginVersion} is the plugin's version now: after an upgrade the two differ.
 */
public record InstallationView(UUID id, Owner owner, PluginName plugin, JsonDocument settings, Set<String> secretsSet,
                               boolean enabled, boolean pluginEnabled, long executionCount,
                               Optional<Instant> lastExecutedAt, Optional<String> lastError, long version,
                               Instant createdAt, Instant updatedAt, Attention attention, Environment environment,
                               Map<String, JsonDocument> overrides, Provenance provenance, String pluginVersion) {

    public InstallationView {
        secretsSet = Set.copyOf(secretsSet);
        overrides = Map.copyOf(overrides);
    }

    /** The same installation showing {@code environment}'s whole settings, and every environment's override. */
    public InstallationView inEnvironment(Environment shown, JsonDocument whole, Set<String> secrets,
                                          Map<String, JsonDocument> stored) {
        return new InstallationView(id, owner, plugin, whole, secrets, enabled, pluginEnabled, executionCount,
                lastExecutedAt, lastError, version, createdAt, updatedAt, attention, shown, stored, provenance, pluginVersion);
    }

    public static InstallationView of(Installation installation, JsonDocument redactedSettings, Set<String> secretsSet,
                                      boolean pluginEnabled, String pluginVersion) {
        return new InstallationView(installation.id(), installation.owner(), installation.plugin(), redactedSettings,
                secretsSet, installation.isEnabled(), pluginEnabled, installation.executionCount(),
                installation.lastExecutedAt(), installation.lastError(), installation.version(),
                installation.createdAt(), installation.updatedAt(), installation.attention(), Environment.DEFAULT, Map.of(),
                installation.provenance(), pluginVersion);
    }

    /** Runs happen only when both the owner's switch and the administrator's switch are on. */
    public boolean active() {
        return enabled && pluginEnabled;
    }

    /** A settings schema change left the stored settings invalid: runs fail with {@code SETTINGS_INVALID}. */
    public boolean needsAttention() {
        return attention.needed();
    }
}
