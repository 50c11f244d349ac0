package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A handler's view of its installation's store: reads see its own writes at once, and the writes
 * reach the database only with the run's result, so a failed or timed-out attempt leaves none.
 */
final class BufferedStore implements KeyValueStore {

    private static final JsonDocument DELETED = JsonDocument.of(Map.of("__deleted__", true));

    private final InstallationStore store;
    private final TransactionBoundary transactions;
    private final UUID installation;
    private final Map<String, JsonDocument> writes = new LinkedHashMap<>();

    BufferedStore(InstallationStore store, TransactionBoundary transactions, UUID installation) {
        this.store = store;
        this.transactions = transactions;
        this.installation = installation;
    }

    @Override
    public synchronized Optional<JsonDocument> get(String key) {
        JsonDocument written = writes.get(key);
        if (written != null) {
            return written == DELETED ? Optional.empty() : Optional.of(written);
        }
        return transactions.inTransaction(() -> store.get(installation, key));
    }

    @Override
    public synchronized void put(String key, JsonDocument value) {
        writes.put(key, value);
    }

    @Override
    public synchronized void delete(String key) {
        writes.put(key, DELETED);
    }

    @Override
    public synchronized Map<String, JsonDocument> all() {
        Map<String, JsonDocument> all = new TreeMap<>(transactions.inTransaction(() -> store.all(installation)));
        writes.forEach((key, value) -> {
            if (value == DELETED) {
                all.remove(key);
            } else {
                all.put(key, value);
            }
        });
        return all;
    }

    /** Applies the buffered writes; call inside the transaction that records the run's success. */
    synchronized void commit() {
        writes.forEach((key, value) -> {
            if (value == DELETED) {
                store.delete(installation, key);
            } else {
                store.put(installation, key, value);
            }
        });
    }
}
