package dev.plugboard.application.port.out;

import dev.plugboard.domain.settings.JsonDocument;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A small key-value store per installation, where a plugin keeps its own state between runs. */
public interface InstallationStore {

    Optional<JsonDocument> get(UUID installation, String key);

    void put(UUID installation, String key, JsonDocument value);

    void delete(UUID installation, String key);

    /** Every key of the installation, by key. */
    Map<String, JsonDocument> all(UUID installation);
}
