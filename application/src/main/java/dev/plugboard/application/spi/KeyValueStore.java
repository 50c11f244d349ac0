package dev.plugboard.application.spi;

import dev.plugboard.domain.settings.JsonDocument;

import java.util.Map;
import java.util.Optional;

/** A plugin's state for one installation; writes commit with the run's result. */
public interface KeyValueStore {

    Optional<JsonDocument> get(String key);

    void put(String key, JsonDocument value);

    void delete(String key);

    Map<String, JsonDocument> all();
}
