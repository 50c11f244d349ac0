package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Installations in memory, unique per owner and plugin, with optimistic locking like the database. */
public final class InMemoryInstallationRepository implements InstallationRepository, Snapshotting {

    private record Key(Owner owner, PluginName plugin) {
    }

    private Map<Key, Installation> installations = new HashMap<>();
    private Map<Key, Long> attempts = new HashMap<>();
    private Map<UUID, Map<Environment, SettingsOverride>> overrides = new HashMap<>();
    private Map<UUID, Map<String, String>> references = new HashMap<>();

    @Override
    public synchronized Optional<Installation> find(Owner owner, PluginName plugin) {
        return Optional.ofNullable(installations.get(new Key(owner, plugin)));
    }

    @Override
    public synchronized List<Installation> findByOwner(Owner owner) {
        return installations.values().stream()
                .filter(installation -> installation.owner().equals(owner))
                .sorted((a, b) -> a.plugin().compareTo(b.plugin()))
                .toList();
    }

    @Override
    public synchronized long countByOwner(Owner owner) {
        return installations.keySet().stream().filter(key -> key.owner().equals(owner)).count();
    }

    @Override
    public synchronized long countByPlugin(PluginName plugin) {
        return installations.keySet().stream().filter(key -> key.plugin().equals(plugin)).count();
    }

    @Override
    public synchronized List<Installation> findByPlugin(PluginName plugin) {
        return installations.values().stream().filter(installation -> installation.plugin().equals(plugin)).toList();
    }

    @Override
    public synchronized Installation add(Installation installation) {
        Key key = new Key(installation.owner(), installation.plugin());
        if (installations.containsKey(key)) {
            throw new PluginAlreadyInstalledException(installation.owner(), installation.plugin().value());
        }
        Installation stored = withVersion(installation, 0);
        installations.put(key, stored);
        return stored;
    }

    @Override
    public synchronized Installation update(Installation installation) {
        Key key = new Key(installation.owner(), installation.plugin());
        Installation current = installations.get(key);
        if (current == null || !current.id().equals(installation.id())) {
            throw new InstallationNotFoundException(installation.owner(), installation.plugin().value());
        }
        if (current.version() != installation.version()) {
            throw new ConcurrencyConflictException("installation", installation.owner() + "/" + installation.plugin(),
                    installation.version());
        }
        Installation stored = Installation.reconstitute(installation.id(), installation.owner(), installation.plugin(),
                installation.settings(), installation.secrets(), installation.isEnabled(), current.executionCount(),
                current.lastExecutedAt().orElse(null), current.lastError().orElse(null), installation.version() + 1,
                installation.createdAt(), installation.updatedAt()).withAttention(installation.attention())
                .withProvenance(installation.provenance());
        installations.put(key, stored);
        return stored;
    }

    @Override
    public synchronized void recordAttempt(Owner owner, PluginName plugin, Instant at, Optional<String> retryError) {
        Key key = new Key(owner, plugin);
        attempts.merge(key, 1L, Long::sum);
        Installation current = installations.get(key);
        if (current != null && retryError.isPresent()) {
            installations.put(key, current.recordAttempt(retryError.get(), at));
        }
    }

    /** Attempts counted for the installation, for tests and embedders. */
    public synchronized long attemptCount(Owner owner, PluginName plugin) {
        return attempts.getOrDefault(new Key(owner, plugin), 0L);
    }

    @Override
    public synchronized void recordExecution(Owner owner, PluginName plugin, Instant at, Optional<String> error) {
        Key key = new Key(owner, plugin);
        Installation current = installations.get(key);
        if (current != null) {
            Installation counted = error.map(e -> current.recordFailure(e, at)).orElseGet(() -> current.recordSuccess(at));
            installations.put(key, counted);
        }
    }

    @Override
    public synchronized boolean remove(Owner owner, PluginName plugin) {
        Installation removed = installations.remove(new Key(owner, plugin));
        if (removed != null) {
            overrides.remove(removed.id());
            references.remove(removed.id());
        }
        return removed != null;
    }

    @Override
    public synchronized Map<Environment, SettingsOverride> overrides(UUID installation) {
        return Map.copyOf(overrides.getOrDefault(installation, Map.of()));
    }

    @Override
    public synchronized Map<String, String> secretReferences(UUID installation) {
        return Map.copyOf(references.getOrDefault(installation, Map.of()));
    }

    @Override
    public synchronized void putSecretReferences(UUID installation, Map<String, String> given) {
        references.put(installation, Map.copyOf(given));
    }

    @Override
    public synchronized boolean replaceOverride(UUID installation, SettingsOverride expected, SettingsOverride replacement) {
        if (!expected.equals(overrides.getOrDefault(installation, Map.of()).get(replacement.environment()))) {
            return false;
        }
        putOverride(installation, replacement);
        return true;
    }

    @Override
    public synchronized void putOverride(UUID installation, SettingsOverride override) {
        Map<Environment, SettingsOverride> next = new TreeMap<>(java.util.Comparator.comparing(Environment::name));
        next.putAll(overrides.getOrDefault(installation, Map.of()));
        if (override.isEmpty()) {
            next.remove(override.environment());
        } else {
            next.put(override.environment(), override);
        }
        overrides.put(installation, next);
    }

    @Override
    public synchronized List<Installation> findBatch(Optional<UUID> after, int limit) {
        return installations.values().stream()
                .filter(installation -> after.map(id -> installation.id().compareTo(id) > 0).orElse(true))
                .sorted(Comparator.comparing(Installation::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean reseal(Installation read, Installation resealed) {
        Key key = new Key(read.owner(), read.plugin());
        Installation current = installations.get(key);
        if (current == null || !current.id().equals(read.id()) || !current.settings().equals(read.settings())
                || !current.secrets().equals(read.secrets())) {
            return false;
        }
        installations.put(key, current.resealed(resealed.settings(), resealed.secrets()));
        return true;
    }

    private static Installation withVersion(Installation i, long version) {
        return Installation.reconstitute(i.id(), i.owner(), i.plugin(), i.settings(), i.secrets(), i.isEnabled(), i.executionCount(),
                i.lastExecutedAt().orElse(null), i.lastError().orElse(null), version, i.createdAt(), i.updatedAt()).withAttention(i.attention())
                .withProvenance(i.provenance());
    }

    @Override
    public synchronized Object snapshot() {
        return List.of(new HashMap<>(installations), new HashMap<>(attempts), new HashMap<>(overrides), new HashMap<>(references));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        installations = new HashMap<>((Map<Key, Installation>) both.get(0));
        attempts = new HashMap<>((Map<Key, Long>) both.get(1));
        overrides = new HashMap<>((Map<UUID, Map<Environment, SettingsOverride>>) both.get(2));
        references = new HashMap<>((Map<UUID, Map<String, String>>) both.get(3));
    }
}
