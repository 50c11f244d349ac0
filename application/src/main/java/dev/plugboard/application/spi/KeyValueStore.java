package dev.plugboard.application.spi;

import dev.plugboard.domain.settings.JsonDocument;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A plugin's state for one installation; writes commit with the run's result. */
public interface KeyValueStore {

    Optional<JsonDocument> get(String key);

    void put(String key, JsonDocument value);

    void delete(String key);

    Map<String, JsonDocument> all();

    /**
     * Read-modify-write without lost updates. Runs {@code work} against this store and returns its
     * result; at commit its writes are made again by re-running {@code work} on the values stored
     * then, while the installation is locked, so two runs of one installation that count the same
     * thing at once both count. {@code work} may therefore run twice: it must depend only on what
     * it reads from the store and on values it captured before.
     */
    default <T> T atomically(Function<KeyValueStore, T> work) {
        return work.apply(this);
    }
}
