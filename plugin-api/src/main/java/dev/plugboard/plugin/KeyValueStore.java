package dev.plugboard.plugin;

import java.util.Map;
import java.util.Optional;

/** A plugin's state for one installation: JSON objects by key, committed with the run's result. */
public interface KeyValueStore {

    Optional<Map<String, Object>> get(String key);

    void put(String key, Map<String, Object> value);

    void delete(String key);

    /** Every key and value, as the run sees them (its own writes included). */
    Map<String, Map<String, Object>> all();
}
