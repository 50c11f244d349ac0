package dev.plugboard.application.port.out;

import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Installations, always looked up through their owner: no method can reach another owner's. */
public interface InstallationRepository {

    Optional<Installation> find(Owner owner, PluginName plugin);

    /** An installation with its settings overrides, by environment name, as read together. */
    record WithOverrides(Installation installation, Map<Environment, SettingsOverride> overrides) {
        public WithOverrides {
            Map<Environment, SettingsOverride> byName = new TreeMap<>(Comparator.comparing(Environment::name));
            byName.putAll(overrides);
            overrides = Collections.unmodifiableMap(byName);
        }
    }

    /**
     * {@link #find} with the installation's {@link #overrides}: in one query where the store can (a
     * settings change needs both), by default in two.
     */
    default Optional<WithOverrides> findWithOverrides(Owner owner, PluginName plugin) {
        return find(owner, plugin).map(found -> new WithOverrides(found, overrides(found.id())));
    }

    /** The owner's installations, by plugin name. */
    List<Installation> findByOwner(Owner owner);

    long countByOwner(Owner owner);

    /** How many owners have the plugin installed. */
    long countByPlugin(PluginName plugin);

    /** Every owner's installation of the plugin, for checking them against a new schema. */
    List<Installation> findByPlugin(PluginName plugin);

    /**
     * Stores a new installation and returns it as stored.
     *
     * @throws PluginAlreadyInstalledException when the owner already has this plugin
     */
    Installation add(Installation installation);

    /**
     * Replaces the stored installation's settings and switch, provided it still has
     * {@code installation.version()}; returns it with the incremented version and the stored
     * execution counters (which only {@link #recordExecution} changes).
     *
     * @throws ConcurrencyConflictException when someone else wrote first
     * @throws InstallationNotFoundException when it is gone
     */
    Installation update(Installation installation);

    /**
     * Counts one run that reached its final state (completed or failed, rejected runs included)
     * atomically: execution count + 1, last executed at, and the last error ({@code error} empty
     * clears it). Attempts are counted apart, by {@link #recordAttempt}. It leaves the version alone, so runs finishing
     * never make an owner's edit look stale; and {@link #update} never writes these counters.
     */
    void recordExecution(Owner owner, PluginName plugin, Instant at, Optional<String> error);

    /**
     * Counts one attempt that ended, whatever followed it; leaves the version alone. When a retry
     * follows ({@code retryError} present), also remembers when and why, as the last error.
     */
    void recordAttempt(Owner owner, PluginName plugin, Instant at, Optional<String> retryError);

    /**
     * Counts an attempt that ended its run for good (no retry follows): {@link #recordAttempt}
     * and {@link #recordExecution} together, which a store may do in one write.
     */
    default void recordFinalAttempt(Owner owner, PluginName plugin, Instant at, Optional<String> error) {
        recordAttempt(owner, plugin, at, Optional.empty());
        recordExecution(owner, plugin, at, error);
    }

    /**
     * Counts {@code count} runs that each ended for good with a successful attempt: what as many calls
     * of {@link #recordFinalAttempt} with no error leave, which a store may do in one write.
     */
    default void recordSucceededRuns(Owner owner, PluginName plugin, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            recordFinalAttempt(owner, plugin, at, Optional.empty());
        }
    }

    /**
     * Installations of every owner in id order, after {@code after}: for maintenance that visits
     * them all (sealing plain-text secrets, key rotation), in batches.
     */
    List<Installation> findBatch(Optional<UUID> after, int limit);

    /**
     * Stores {@code resealed}'s settings and secrets (the same values sealed anew) if the stored
     * ones are still those of {@code read}; false, changing nothing, when someone wrote in between.
     * The version, the update time and the counters stay: this is no change of the owner's.
     */
    boolean reseal(Installation read, Installation resealed);

    /** Removes the owner's installation of the plugin; false when there was none. */
    boolean remove(Owner owner, PluginName plugin);

    /** The installation's settings overrides, by environment; empty when it has none (or is gone). */
    Map<Environment, SettingsOverride> overrides(UUID installation);

    /**
     * Stores the installation's override for {@code override.environment()}, replacing the one
     * stored; an empty override removes it. Neither the version nor the base settings change.
     */
    void putOverride(UUID installation, SettingsOverride override);

    /**
     * Replaces the override of {@code replacement.environment()} only while the stored one is still
     * {@code expected} (compare-and-set, for a key rotation that must not undo a change made between
     * its read and its write); returns false, changing nothing, when it is not.
     */
    boolean replaceOverride(UUID installation, SettingsOverride expected, SettingsOverride replacement);

    /** The references an applied state document gave for the installation's secrets: {@code <environment>#<pointer>} to reference. */
    Map<String, String> secretReferences(UUID installation);

    /** Replaces the installation's secret references; leaves everything else as it is. */
    void putSecretReferences(UUID installation, Map<String, String> references);
}
