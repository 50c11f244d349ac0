package dev.plugboard.bench;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.bootstrap.metrics.MicrometerTelemetry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the meters and the hourly rollup add to run throughput, measured so that a busy machine
 * cannot fake the answer: the run workload ({@link RelayWorkload}) runs in short blocks with the
 * telemetry off and on, alternating in random order inside one JVM, so that load from elsewhere
 * falls on both alike; each pair gives a ratio, and the median ratio is the figure. The rollup's share
 * is the time to roll up one hour of runs on the embedded PostgreSQL ({@link RollupCost}) against the
 * hour it summarizes. Writes a Markdown report.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.plugboard.bench.MetricsOverhead [report.md] [pairs (150)] [block-ms (500)]</pre>
 */
public final class MetricsOverhead {

    private MetricsOverhead() {
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/metrics-overhead.md");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        Duration block = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 500);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Telemetry meters = new MicrometerTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        System.err.println("warming up (10 blocks)");
        for (int i = 0; i < 10; i++) {
            runsPerSecond(i % 2 == 0 ? Telemetry.NONE : meters, block);
        }
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            boolean offFirst = ThreadLocalRandom.current().nextBoolean();
            double first = runsPerSecond(offFirst ? Telemetry.NONE : meters, block);
            double second = runsPerSecond(offFirst ? meters : Telemetry.NONE, block);
            double withoutMeters = offFirst ? first : second;
            double withMeters = offFirst ? second : first;
            off.add(withoutMeters);
            on.add(withMeters);
            ratios.add(withMeters / withoutMeters);
            System.err.printf(Locale.ROOT, "pair %d/%d: off %.0f runs/s, on %.0f runs/s%n", pair, pairs, withoutMeters, withMeters);
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        RollupCost.Result rollup = RollupCost.measure();

        String text = Report.render(Instant.now(), pairs, block, off, on, ratios, loadBefore, loadAfter, rollup);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println(text);
        System.err.println("written to " + report);
        System.exit(0);
    }

    /** Runs whole cycles for about {@code block}, counting only the run work (not building a Plugboard). */
    private static double runsPerSecond(Telemetry telemetry, Duration block) {
        long busy = 0;
        long runs = 0;
        while (busy < block.toNanos()) {
            Plugboard plugboard = RelayWorkload.fresh(telemetry);
            long start = System.nanoTime();
            runs += RelayWorkload.cycle(plugboard);
            busy += System.nanoTime() - start;
        }
        return runs / (busy / 1e9);
    }
}
