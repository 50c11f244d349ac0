package dev.plugboard.adapter.isolation;

import dev.plugboard.adapter.isolation.fixture.ScriptHandler;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool of real plugin hosts: reuse, the hosts limit, idle stops, and cancel-then-kill after a timeout. */
class PluginHostsTest {

    private static final PluginManifest MANIFEST = ManifestDocument.read(JsonDocument.of(Map.of("name", "script",
            "version", "1.0.0", "execution", Map.of("mode", "process", "timeout", "10s"))), PluginSource.MANIFEST_DIRECTORY);

    private PluginHosts hosts;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private PluginHandler handler(IsolationSettings settings, int maxHosts) throws Exception {
        Path classes = Path.of(ScriptHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        PluginPackage pkg = new PluginPackage("script", classes, List.of(classes), ScriptHandler.class.getName(), 48,
                maxHosts, Optional.empty(), 16);
        hosts = new PluginHosts(settings);
        return hosts.handlers(Map.of(MANIFEST, pkg)).get(0);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        if (hosts != null) {
            hosts.close();
        }
    }

    private static JsonDocument run(PluginHandler handler, Map<String, Object> input) throws Exception {
        return handler.execute(JsonDocument.of(input), JsonDocument.empty(), new Context());
    }

    private static long pid(JsonDocument output) {
        return ((Number) output.asMap().get("pid")).longValue();
    }

    private void awaitLiveHosts(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hosts.liveHosts() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hosts.liveHosts()).isEqualTo(expected);
    }

    @Test
    void givenAPluginWithAHealthCheck_health_asksItInItsWarmHost_whichStaysForTheNextRun() throws Exception {
        PluginHandler handler = handler(IsolationSettings.DEFAULT, 1);
        long warm = pid(run(handler, Map.of()));

        Optional<HealthState> state = handler.health();

        assertThat(state).as("the plugin's own answer, from its host").contains(HealthState.DEGRADED);
        assertThat(hosts.liveHosts()).isEqualTo(1);
        assertThat(pid(run(handler, Map.of()))).as("the host answered and was kept").isEqualTo(warm);
    }

    @Test
    void givenOneHost_runsOneAfterAnother_shareTheWarmHost() throws Exception {
        PluginHandler handler = handler(IsolationSettings.DEFAULT, 1);

        Future<JsonDocument> first = threads.submit(() -> run(handler, Map.of("sleepMs", 200)));
        Future<JsonDocument> second = threads.submit(() -> run(handler, Map.of("sleepMs", 200)));

        assertThat(pid(first.get())).isEqualTo(pid(second.get())).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(hosts.liveHosts()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenServerEnvironment_aHost_seesNoneOfIt() throws Exception {
        PluginHandler handler = handler(IsolationSettings.DEFAULT, 1);

        JsonDocument output = run(handler, Map.of());

        assertThat(System.getenv()).as("the test's own environment is not empty").isNotEmpty();
        assertThat((List<Object>) output.asMap().get("environment")).as("variables a plugin sees").isSubsetOf(List.of("TZ"));
    }

    @Test
    void givenIdleTimeout_anUnusedHostStops_andTheNextRunStartsAFreshOne() throws Exception {
        PluginHandler handler = handler(new IsolationSettings(Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(20)), 2);
        long firstPid = pid(run(handler, Map.of()));

        awaitLiveHosts(0);

        assertThat(pid(run(handler, Map.of()))).isNotEqualTo(firstPid);
    }

    @Test
    void givenInterruptedRun_thatIgnoresIt_theHostIsCancelledThenKilled_andReplaced() throws Exception {
        PluginHandler handler = handler(new IsolationSettings(Duration.ofMinutes(5), Duration.ofMillis(200),
                Duration.ofSeconds(20)), 1);
        long warmPid = pid(run(handler, Map.of()));
        CompletableFuture<Throwable> stuck = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                run(handler, Map.of("sleepMs", 60_000));
                stuck.complete(null);
            } catch (Throwable e) {
                stuck.complete(e);
            }
        });
        caller.start();
        Thread.sleep(500);

        caller.interrupt(); // what the executor does at the timeout

        assertThat(stuck.get()).isInstanceOf(InterruptedException.class);
        awaitLiveHosts(0);
        assertThat(ProcessHandle.of(warmPid).map(ProcessHandle::isAlive).orElse(false)).as("the stuck host was killed").isFalse();
        assertThat(pid(run(handler, Map.of()))).isNotEqualTo(warmPid);
    }

    @Test
    void givenInterruptedRun_thatObeysCancel_keepsItsHost() throws Exception {
        PluginHandler handler = handler(new IsolationSettings(Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(20)), 1);
        long warmPid = pid(run(handler, Map.of()));
        Thread caller = new Thread(() -> {
            try {
                run(handler, Map.of("sleepMs", 60_000, "obeyCancel", true));
            } catch (Exception expected) {
                // Interrupted, as the executor's timeout does.
            }
        });
        caller.start();
        Thread.sleep(500);

        caller.interrupt();
        caller.join();

        assertThat(pid(run(handler, Map.of()))).as("a plugin that stops when cancelled keeps its warm host").isEqualTo(warmPid);
    }

    @Test
    void givenHandlerClassNotInTheJars_run_failsWithHandlerNotLoaded() throws Exception {
        Path classes = Path.of(ScriptHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        hosts = new PluginHosts(IsolationSettings.DEFAULT);
        PluginHandler handler = hosts.handlers(Map.of(MANIFEST, new PluginPackage("script", classes, List.of(classes),
                "com.example.Missing", 48, 1, Optional.empty(), 16))).get(0);

        assertThatThrownBy(() -> run(handler, Map.of()))
                .isInstanceOfSatisfying(dev.plugboard.application.spi.PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("HANDLER_NOT_LOADED");
                    assertThat(failure.getMessage()).contains("com.example.Missing");
                    assertThat(failure.retryable()).isFalse();
                });
    }

    /** A run's context with a store that keeps nothing. */
    private static final class Context implements HandlerContext, KeyValueStore {
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
            return 1;
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("test");
        }

        @Override
        public KeyValueStore store() {
            return this;
        }

        @Override
        public Optional<JsonDocument> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, JsonDocument value) {
        }

        @Override
        public void delete(String key) {
        }

        @Override
        public Map<String, JsonDocument> all() {
            return Map.of();
        }
    }
}
