package dev.plugboard.bench;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.bootstrap.metrics.MicrometerTelemetry;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Run throughput through the use cases on the in-memory storage: queue a run, a worker claims it
 * and completes it (run ledger, installation stats, circuit, attempts), with the telemetry off (the
 * no-op default) and on (the Micrometer meters the server uses, into a Prometheus registry). The
 * difference is what the meters cost per run. A fresh Plugboard every invocation keeps the in-memory
 * ledger small, so both variants measure the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RunThroughputBenchmark {

    private static final int RUNS = 200;
    private static final int BATCH = 50;
    static final PluginName PLUGIN = PluginName.of("bench-relay");
    static final Caller OWNER = Caller.user("bench-owner", null);
    static final PluginManifest MANIFEST = PluginManifest.builder(PLUGIN.value(), "1.0.0")
            .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30),
                    new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Set.of())))
            .build();

    @Param({"off", "on"})
    public String telemetry;

    private final JsonDocument input = JsonDocument.of(Map.of("text", "hello"));
    private final JsonDocument output = JsonDocument.of(Map.of("delivered", true));
    private Telemetry sink;
    private Plugboard plugboard;

    @Setup(Level.Trial)
    public void meters() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        sink = "on".equals(telemetry) ? new MicrometerTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                : Telemetry.NONE;
    }

    @Setup(Level.Invocation)
    public void freshPlugboard() {
        plugboard = Plugboard.builder().manifest(MANIFEST).telemetry(sink).build();
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(OWNER, PLUGIN, Optional.of(JsonDocument.empty()),
                Optional.empty()));
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public int queueClaimComplete() {
        int completed = 0;
        for (int round = 0; round < RUNS / BATCH; round++) {
            for (int i = 0; i < BATCH; i++) {
                plugboard.runs().start(new StartRunCommand(OWNER, PLUGIN, input, RunTrigger.MANUAL, Optional.empty()));
            }
            List<ClaimedRun> claimed = plugboard.workers().claim(new ClaimCommand("bench-worker", Set.of(PLUGIN), BATCH, 60));
            for (ClaimedRun run : claimed) {
                plugboard.workers().complete("bench-worker", run.run().id(), output);
                completed++;
            }
        }
        return completed;
    }
}
