package dev.plugboard.bench;

import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.bootstrap.metrics.MicrometerTelemetry;
import dev.plugboard.domain.run.PluginRun;
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

import java.util.concurrent.TimeUnit;


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
        run = RelayWorkload.completeOne(RelayWorkload.fresh(Telemetry.NONE));
    }

    @Benchmark
    public PluginRun perCompletedRun() {
        sink.attemptEnded(RelayWorkload.PLUGIN, Telemetry.AttemptOutcome.SUCCEEDED);
        sink.runFinished(run);
        return run;
    }
}
