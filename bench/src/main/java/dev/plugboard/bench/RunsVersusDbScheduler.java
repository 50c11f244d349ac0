package dev.plugboard.bench;

import dev.plugboard.bootstrap.PlugboardApplication;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Issue 16, P3 and P3': Plugboard's executor against db-scheduler on one embedded PostgreSQL, in
 * one JVM, alternating which goes first each round so that load from elsewhere falls on both.
 * P3: {@code runs} pending no-op runs (tasks) drained, runs completed per second from the
 * executor's start to the last completion. P3': event-to-start latency with an idle executor (the
 * queueing transaction's start to the handler's first line), p50. Writes a Markdown report:
 * <pre>java -cp bench/target/benchmarks.jar dev.plugboard.bench.RunsVersusDbScheduler docs/benchmarks/runs.md 5 1000 4</pre>
 * (report, rounds, runs per drain, concurrency).
 */
public final class RunsVersusDbScheduler {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LATENCY_SAMPLES = 40;

    /** One side of the comparison. */
    interface Contender extends AutoCloseable {
        String name();

        /** Queues {@code runs} no-op runs with the executor stopped, starts it and answers runs completed per second. */
        default double drain(int runs) {
            return drain(runs, () -> { });
        }

        /** {@link #drain(int)}, calling {@code queued} once the runs are queued, before the executor starts. */
        double drain(int runs, Runnable queued);

        /** With an idle executor, milliseconds from queueing a run to its handler starting, one per sample. */
        List<Double> startLatencies(int samples);

        @Override
        void close();
    }

    private RunsVersusDbScheduler() {
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/runs.md");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path folder = Files.createTempDirectory("plugboard-bench-runs");
        Files.createDirectories(folder.resolve("plugins"));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (PlugboardApplication server = PlugboardApplication.start(Map.of(
                "plugboard.data-dir", folder.toString(), "plugboard.plugins-dir", folder.resolve("plugins").toString(),
                "plugboard.jwt.secret", "bench-secret-of-at-least-thirty-two-bytes-long", "micronaut.server.port", -1,
                "plugboard.execution.enabled", false, "plugboard.rollups.enabled", false, "plugboard.retention.enabled", false))) {
            var environment = server.context().getEnvironment();
            try (Contender plugboard = new PlugboardDrain(server.context(), concurrency, POLL);
                 Contender peer = new DbSchedulerDrain(environment.getRequiredProperty("datasources.default.url", String.class),
                         environment.getProperty("datasources.default.username", String.class).orElse(""),
                         environment.getProperty("datasources.default.password", String.class).orElse(""), concurrency, POLL)) {
                List<double[]> drains = new ArrayList<>();
                List<Double> plugboardLatency = new ArrayList<>();
                List<Double> peerLatency = new ArrayList<>();
                plugboard.drain(runs / 4); // warm-up of both, not counted
                peer.drain(runs / 4);
                for (int round = 0; round < rounds; round++) {
                    boolean plugboardFirst = round % 2 == 0;
                    double first = (plugboardFirst ? plugboard : peer).drain(runs);
                    double second = (plugboardFirst ? peer : plugboard).drain(runs);
                    double[] pair = plugboardFirst ? new double[] {first, second} : new double[] {second, first};
                    drains.add(pair);
                    plugboardLatency.add(Report.quantile(plugboard.startLatencies(LATENCY_SAMPLES), 0.5));
                    peerLatency.add(Report.quantile(peer.startLatencies(LATENCY_SAMPLES / 4), 0.5));
                    System.err.printf(Locale.ROOT, "round %d/%d: Plugboard %.0f runs/s, db-scheduler %.0f runs/s; start p50 %.1f ms / %.1f ms%n",
                            round + 1, rounds, pair[0], pair[1], plugboardLatency.get(round), peerLatency.get(round));
                }
                double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                Files.writeString(report, RunsReport.render(Instant.now(), rounds, runs, concurrency, POLL, drains,
                        plugboardLatency, peerLatency, loadBefore, loadAfter));
                System.err.println("wrote " + report);
            }
        }
        System.exit(0);
    }

    /** Busy-waits, with short sleeps, until {@code condition} holds; gives up after two minutes. */
    static void spinUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark stalled: nothing finished within two minutes");
            }
            Thread.onSpinWait();
            pause(0);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis, millis == 0 ? 200_000 : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code samples} measurements of {@code one}, 30 ms apart so that the executor is idle before each. */
    static List<Double> latencies(int samples, DoubleSupplier one) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            pause(30);
            values.add(one.getAsDouble());
        }
        return values;
    }
}
