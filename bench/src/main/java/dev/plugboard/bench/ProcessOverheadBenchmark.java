package dev.plugboard.bench;

import com.example.excerpt.ExcerptHandler;
import dev.plugboard.adapter.isolation.IsolationSettings;
import dev.plugboard.adapter.isolation.PluginHosts;
import dev.plugboard.adapter.isolation.PluginPackage;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.InProcessApiHandler;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cost of process isolation: the example plugin run in this JVM, and in a warm plugin host
 * (one round trip over the host's pipes, JSON both ways, store snapshot and writes included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProcessOverheadBenchmark {

    private PluginHosts hosts;
    private PluginHandler inProcess;
    private PluginHandler inHost;
    private final JsonDocument input = JsonDocument.of(Map.of("text", "Plugins run apart. The server stays up. Always."));
    private final JsonDocument settings = JsonDocument.of(Map.of("sentences", 1));
    private final HandlerContext context = new Context();

    @Setup
    public void startHost() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        PluginManifest manifest = ManifestDocument.read(JsonDocument.of(Map.of("name", "excerpt", "version", "1.0.0",
                "execution", Map.of("mode", "process"))), PluginSource.MANIFEST_DIRECTORY);
        Path classes = Path.of(ExcerptHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        PluginPackage pkg = new PluginPackage("excerpt", Path.of(".").toAbsolutePath(), List.of(classes),
                ExcerptHandler.class.getName(), 64, 1, Optional.empty(), 64);
        hosts = new PluginHosts(IsolationSettings.DEFAULT);
        inHost = hosts.handlers(Map.of(manifest, pkg)).get(0);
        inProcess = new InProcessApiHandler(manifest, new ExcerptHandler());
        inHost.execute(input, settings, context); // starts the host: the benchmark measures a warm one
    }

    @TearDown
    public void stopHost() {
        hosts.close();
    }

    @Benchmark
    public JsonDocument inProcess() throws Exception {
        return inProcess.execute(input, settings, context);
    }

    @Benchmark
    public JsonDocument inWarmHost() throws Exception {
        return inHost.execute(input, settings, context);
    }

    /** A run's context with a store in memory. */
    private static final class Context implements HandlerContext, KeyValueStore {
        private final Map<String, JsonDocument> values = new ConcurrentHashMap<>();
        private final RunId run = RunId.of(UUID.randomUUID());

        @Override
        public Owner owner() {
            return Owner.user("bench");
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
            return System.getLogger("bench");
        }

        @Override
        public KeyValueStore store() {
            return this;
        }

        @Override
        public Optional<JsonDocument> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, JsonDocument value) {
            values.put(key, value);
        }

        @Override
        public void delete(String key) {
            values.remove(key);
        }

        @Override
        public Map<String, JsonDocument> all() {
            return Map.copyOf(values);
        }
    }
}
