package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Plugins' own key-value state in memory. */
public final class InMemoryInstallationStore implements InstallationStore, Snapshotting {

    private Map<UUID, Map<String, JsonDocument>> values = new HashMap<>();

    @Override
    public synchronized Optional<JsonDocument> get(UUID installation, String key) {
        return Optional.ofNullable(values.getOrDefault(installation, Map.of()).get(key));
    }

    @Override
    public synchronized void put(UUID installation, String key, JsonDocument value) {
        values.computeIfAbsent(installation, id -> new TreeMap<>()).put(key, value);
    }

    @Override
    public synchronized void delete(UUID installation, String key) {
        values.getOrDefault(installation, new TreeMap<>()).remove(key);
    }

    @Override
    public synchronized Map<String, JsonDocument> all(UUID installation) {
        return Map.copyOf(values.getOrDefault(installation, Map.of()));
    }

    @Override
    public synchronized Object snapshot() {
        Map<UUID, Map<String, JsonDocument>> copy = new HashMap<>();
        values.forEach((id, map) -> copy.put(id, new TreeMap<>(map)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        values = new HashMap<>((Map<UUID, Map<String, JsonDocument>>) snapshot);
    }
}
