package dev.plugboard.bench;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.bootstrap.metrics.MicrometerTelemetry;
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

    @Param({"off", "on"})
    public String telemetry;

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
        plugboard = RelayWorkload.fresh(sink);
    }

    @Benchmark
    @OperationsPerInvocation(RelayWorkload.RUNS)
    public int queueClaimComplete() {
        return RelayWorkload.cycle(plugboard);
    }
}
