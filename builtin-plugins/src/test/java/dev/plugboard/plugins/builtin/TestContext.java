package dev.plugboard.plugins.builtin;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A handler context over a map-backed store that counts writes, with a logger that keeps every
 * message and an outbound client of the test's choosing (by default one that refuses everything).
 */
final class TestContext implements HandlerContext {

    final MapStore store;
    final RunId runId = RunId.of(UUID.randomUUID());
    final List<String> logged = new ArrayList<>();
    OutboundHttp outbound = OutboundHttp.refusingAll();

    TestContext() {
        this(new MapStore());
    }

    TestContext(MapStore store) {
        this.store = store;
    }

    @Override
    public Owner owner() {
        return Owner.user("alice");
    }

    @Override
    public RunId runId() {
        return runId;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                synchronized (logged) {
                    logged.add(msg + (thrown == null ? "" : " " + thrown));
                }
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                synchronized (logged) {
                    logged.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
                }
            }
        };
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public OutboundHttp outbound() {
        return outbound;
    }

    /** The installation's store as a plain map; {@link #writes} counts puts and deletes. */
    static final class MapStore implements KeyValueStore {

        final Map<String, JsonDocument> entries = new TreeMap<>();
        int writes;

        @Override
        public Optional<JsonDocument> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, JsonDocument value) {
            if (key.isEmpty() || key.length() > 200) {
                throw new IllegalArgumentException("the store takes keys of 1 to 200 characters: " + key);
            }
            writes++;
            entries.put(key, value);
        }

        @Override
        public void delete(String key) {
            writes++;
            entries.remove(key);
        }

        @Override
        public Map<String, JsonDocument> all() {
            return Map.copyOf(entries);
        }
    }
}
