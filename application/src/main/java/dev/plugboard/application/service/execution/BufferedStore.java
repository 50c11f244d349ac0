package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A handler's view of its installation's store: reads see its own writes at once, and the writes
 * reach the database only with the run's result, so a failed or timed-out attempt leaves none.
 * {@link #atomically} work is replayed at commit on the values stored then.
 */
final class BufferedStore implements KeyValueStore {

    /** A write to make at commit, in the order the handler made it. */
    private sealed interface Write permits Put, Delete, Replay {
    }

    private record Put(String key, JsonDocument value) implements Write {
    }

    private record Delete(String key) implements Write {
    }

    private record Replay(Function<KeyValueStore, ?> work) implements Write {
    }

    private final InstallationStore store;
    private final TransactionBoundary transactions;
    private final UUID installation;
    /** What this attempt wrote, by key; an empty Optional is a deletion. */
    private final Map<String, Optional<JsonDocument>> overlay = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    /** Inside atomically(): writes show in the overlay but are made at commit by the replay instead. */
    private int replayed;

    BufferedStore(InstallationStore store, TransactionBoundary transactions, UUID installation) {
        this.store = store;
        this.transactions = transactions;
        this.installation = installation;
    }

    @Override
    public synchronized Optional<JsonDocument> get(String key) {
        Optional<JsonDocument> written = overlay.get(key);
        if (written != null) {
            return written;
        }
        return transactions.inTransaction(() -> store.get(installation, key));
    }

    @Override
    public synchronized void put(String key, JsonDocument value) {
        overlay.put(key, Optional.of(value));
        if (replayed == 0) {
            writes.add(new Put(key, value));
        }
    }

    @Override
    public synchronized void delete(String key) {
        overlay.put(key, Optional.empty());
        if (replayed == 0) {
            writes.add(new Delete(key));
        }
    }

    @Override
    public synchronized Map<String, JsonDocument> all() {
        Map<String, JsonDocument> all = new TreeMap<>(transactions.inTransaction(() -> store.all(installation)));
        overlay.forEach((key, value) -> value.ifPresentOrElse(v -> all.put(key, v), () -> all.remove(key)));
        return all;
    }

    @Override
    public synchronized <T> T atomically(Function<KeyValueStore, T> work) {
        replayed++;
        try {
            T result = work.apply(this);
            if (replayed == 1) {
                writes.add(new Replay(work));
            }
            return result;
        } finally {
            replayed--;
        }
    }

    /**
     * Makes the writes; call inside the transaction that records the run's success, after the
     * installation row is locked (counting the execution locks it), so that replays of
     * concurrent runs of the same installation happen one after the other.
     */
    synchronized void commit() {
        KeyValueStore live = new Live();
        for (Write write : writes) {
            if (write instanceof Put put) {
                store.put(installation, put.key(), put.value());
            } else if (write instanceof Delete delete) {
                store.delete(installation, delete.key());
            } else if (write instanceof Replay replay) {
                replay.work().apply(live);
            }
        }
    }

    /** The stored values themselves, for replays at commit. */
    private final class Live implements KeyValueStore {
        @Override
        public Optional<JsonDocument> get(String key) {
            return store.get(installation, key);
        }

        @Override
        public void put(String key, JsonDocument value) {
            store.put(installation, key, value);
        }

        @Override
        public void delete(String key) {
            store.delete(installation, key);
        }

        @Override
        public Map<String, JsonDocument> all() {
            return store.all(installation);
        }
    }
}
