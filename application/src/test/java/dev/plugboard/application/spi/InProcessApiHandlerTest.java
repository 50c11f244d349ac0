package dev.plugboard.application.spi;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plugin-API handler run in process: the same maps, store and failures as in a host. */
class InProcessApiHandlerTest {

    private static final PluginManifest MANIFEST = ManifestDocument.read(JsonDocument.of(Map.of("name", "counter",
            "version", "1.0.0")), PluginSource.BUILTIN);

    private final Map<String, JsonDocument> stored = new HashMap<>();
    private final HandlerContext context = new HandlerContext() {
        private final RunId run = RunId.of(UUID.randomUUID());

        @Override
        public Owner owner() {
            return Owner.user("alice");
        }

        @Override
        public RunId runId() {
            return run;
        }

        @Override
        public int attempt() {
            return 2;
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("test");
        }

        @Override
        public KeyValueStore store() {
            return new KeyValueStore() {
                @Override
                public Optional<JsonDocument> get(String key) {
                    return Optional.ofNullable(stored.get(key));
                }

                @Override
                public void put(String key, JsonDocument value) {
                    stored.put(key, value);
                }

                @Override
                public void delete(String key) {
                    stored.remove(key);
                }

                @Override
                public Map<String, JsonDocument> all() {
                    return Map.copyOf(stored);
                }
            };
        }
    };

    @Test
    void givenApiHandler_execute_seesTheRunAndItsStore_andReturnsItsOutput() throws Exception {
        InProcessApiHandler handler = new InProcessApiHandler(MANIFEST, (input, settings, ctx) -> {
            long count = ctx.store().get("n").map(n -> ((Number) n.get("count")).longValue()).orElse(0L) + 1;
            ctx.store().put("n", Map.of("count", count));
            return Map.of("owner", ctx.owner(), "attempt", ctx.attempt(), "count", count, "echo", input.get("x"),
                    "cancelled", ctx.isCancelled());
        });

        handler.execute(JsonDocument.of(Map.of("x", "a")), JsonDocument.empty(), context);
        JsonDocument output = handler.execute(JsonDocument.of(Map.of("x", "b")), JsonDocument.empty(), context);

        assertThat(handler.manifest().name().value()).isEqualTo("counter");
        assertThat(output.asMap()).containsEntry("owner", "user:alice").containsEntry("attempt", 2L)
                .containsEntry("count", 2L).containsEntry("echo", "b").containsEntry("cancelled", false);
        assertThat(stored.get("n").asMap()).containsEntry("count", 2L);
    }

    @Test
    void givenApiFailure_execute_throwsTheServersFailureWithTheSameCode() {
        InProcessApiHandler handler = new InProcessApiHandler(MANIFEST, (input, settings, ctx) -> {
            throw new dev.plugboard.plugin.PluginFailure("QUOTA_EXCEEDED", "too many", false);
        });

        assertThatThrownBy(() -> handler.execute(JsonDocument.empty(), JsonDocument.empty(), context))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("QUOTA_EXCEEDED");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("too many");
                });
    }

    @Test
    void givenBadCode_apiFailure_refusesItAtOnce() {
        assertThatThrownBy(() -> new dev.plugboard.plugin.PluginFailure("oops", "x", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UPPER_SNAKE_CASE").hasMessageContaining("oops");
    }
}
