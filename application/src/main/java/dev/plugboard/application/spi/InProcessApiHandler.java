package dev.plugboard.application.spi;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.plugin.PluginContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a handler written against the plugin API ({@link dev.plugboard.plugin.PluginHandler}) inside
 * this JVM, for embedding and for trusted plugins; untrusted jars run in plugin hosts instead.
 */
public final class InProcessApiHandler implements PluginHandler {

    private final PluginManifest manifest;
    private final dev.plugboard.plugin.PluginHandler handler;

    public InProcessApiHandler(PluginManifest manifest, dev.plugboard.plugin.PluginHandler handler) {
        this.manifest = manifest;
        this.handler = handler;
    }

    @Override
    public PluginManifest manifest() {
        return manifest;
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
        try {
            Map<String, Object> output = handler.execute(input.asMap(), settings.asMap(), new ApiContext(context));
            return output == null ? null : JsonDocument.of(output);
        } catch (PluginFailure failure) {
            throw failure;
        } catch (dev.plugboard.plugin.PluginFailure failure) {
            throw new PluginFailure(failure.code(), failure.getMessage(), failure.retryable());
        }
    }

    /** The plugin's own answer as a state; an answer it cannot read counts as unhealthy. */
    @Override
    public java.util.Optional<dev.plugboard.domain.health.HealthState> health() {
        String answer = handler.health();
        if (answer == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dev.plugboard.domain.health.HealthState.fromCheckAnswer(answer));
    }

    private record ApiContext(HandlerContext context) implements PluginContext {

        @Override
        public String owner() {
            return context.owner().toString();
        }

        @Override
        public String runId() {
            return context.runId().toString();
        }

        @Override
        public int attempt() {
            return context.attempt();
        }

        @Override
        public dev.plugboard.plugin.KeyValueStore store() {
            return new ApiStore(context.store());
        }

        @Override
        public System.Logger logger() {
            return context.logger();
        }

        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }
    }

    /** The installation's store with plain maps for values. */
    private record ApiStore(KeyValueStore store) implements dev.plugboard.plugin.KeyValueStore {

        @Override
        public Optional<Map<String, Object>> get(String key) {
            return store.get(key).map(JsonDocument::asMap);
        }

        @Override
        public void put(String key, Map<String, Object> value) {
            store.put(key, JsonDocument.of(value));
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public Map<String, Map<String, Object>> all() {
            Map<String, Map<String, Object>> all = new LinkedHashMap<>();
            store.all().forEach((key, value) -> all.put(key, value.asMap()));
            return all;
        }
    }
}
