package dev.plugboard.host;

import dev.plugboard.plugin.KeyValueStore;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The installation's store as the server sent it, with the run's writes kept apart to send back. */
final class HostStore implements KeyValueStore {

    private final Map<String, Map<String, Object>> values;
    private final Map<String, Map<String, Object>> written = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();

    HostStore(Map<String, Map<String, Object>> snapshot) {
        this.values = new LinkedHashMap<>(snapshot);
    }

    @Override
    public synchronized Optional<Map<String, Object>> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, Map<String, Object> value) {
        if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException("a store entry needs a key and a JSON object value");
        }
        values.put(key, value);
        written.put(key, value);
        deleted.remove(key);
    }

    @Override
    public synchronized void delete(String key) {
        values.remove(key);
        written.remove(key);
        deleted.add(key);
    }

    @Override
    public synchronized Map<String, Map<String, Object>> all() {
        return Map.copyOf(values);
    }

    synchronized Map<String, Object> writes() {
        Map<String, Object> changes = new LinkedHashMap<>(written);
        deleted.forEach(key -> changes.put(key, null));
        return changes;
    }
}
