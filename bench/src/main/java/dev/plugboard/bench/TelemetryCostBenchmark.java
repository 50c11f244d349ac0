package dev.plugboard.bench;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.bootstrap.metrics.MicrometerTelemetry;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.plugboard.bench.RunThroughputBenchmark.MANIFEST;
import static dev.plugboard.bench.RunThroughputBenchmark.OWNER;
import static dev.plugboard.bench.RunThroughputBenchmark.PLUGIN;

/**
 * Only what the telemetry adds to one completed run (an attempt and a final state, as the server
 * records them), in nanoseconds: a figure that a busy machine disturbs less than the difference
 * between two throughputs of {@link RunThroughputBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TelemetryCostBenchmark {

    @Param({"off", "on"})
    public String telemetry;

    private Telemetry sink;
    private PluginRun run;

    @Setup
    public void completeOneRun() {
        sink = "on".equals(telemetry) ? new MicrometerTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                : Telemetry.NONE;
        Plugboard plugboard = Plugboard.builder().manifest(MANIFEST).build();
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(OWNER, PLUGIN, Optional.of(JsonDocument.empty()),
                Optional.empty()));
        plugboard.runs().start(new StartRunCommand(OWNER, PLUGIN, JsonDocument.empty(), RunTrigger.MANUAL, Optional.empty()));
        ClaimedRun claimed = plugboard.workers().claim(new ClaimCommand("bench-worker", Set.of(PLUGIN), 1, 60)).get(0);
        run = plugboard.workers().complete("bench-worker", claimed.run().id(), JsonDocument.empty());
    }

    @Benchmark
    public PluginRun perCompletedRun() {
        sink.attemptEnded(PLUGIN, Telemetry.AttemptOutcome.SUCCEEDED);
        sink.runFinished(run);
        return run;
    }
}
