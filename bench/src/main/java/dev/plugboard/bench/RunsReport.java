package dev.plugboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The Markdown report of {@link RunsVersusDbScheduler}. */
final class RunsReport {

    private RunsReport() {
    }

    static String render(Instant at, int rounds, int runs, int concurrency, Duration poll, List<double[]> drains,
                         List<Double> plugboardLatency, List<Double> peerLatency, double loadBefore, double loadAfter) {
        List<Double> ours = drains.stream().map(pair -> pair[0]).toList();
        List<Double> theirs = drains.stream().map(pair -> pair[1]).toList();
        List<Double> ratios = drains.stream().map(pair -> pair[0] / pair[1]).toList();
        double latency = Report.quantile(plugboardLatency, 0.5);
        StringBuilder text = new StringBuilder("# Runs: Plugboard's executor against db-scheduler (issue 16, P3 and P3')\n\n")
                .append("Written by `bench/` (`dev.plugboard.bench.RunsVersusDbScheduler`, see `bench/README.md`); do not edit by hand.\n\n")
                .append(String.format(Locale.ROOT, "- Measured: %s, Java %s, %s %s, %d cores, load average %.1f before and %.1f after.%n",
                        at, System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter))
                .append(String.format(Locale.ROOT, "- One JVM, one embedded PostgreSQL (the server's own). %d rounds; each drains %,d pending"
                        + " no-op runs with Plugboard (in-process handler, %d slots, claim loop with LISTEN/NOTIFY, %d ms fallback"
                        + " poll) and %,d one-time no-op tasks with db-scheduler (%d threads, %d ms polling, its default strategy),"
                        + " the order alternating.%n", rounds, runs, concurrency, poll.toMillis(), runs, concurrency, poll.toMillis()))
                .append("- P3 counts from the executor's start, with every run already pending, to the last completion."
                        + " P3' is the time from queueing one run (the use case's transaction) to its handler starting, with an idle"
                        + " executor: the median of 40 samples per round for Plugboard, 10 for db-scheduler.\n\n")
                .append("| figure | Plugboard | db-scheduler | ratio | goal |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| P3 runs/s (median of rounds) | %,.0f | %,.0f | %.2f× (median of per-round ratios) | ≥ 1.0× %s |%n",
                        Report.quantile(ours, 0.5), Report.quantile(theirs, 0.5), Report.quantile(ratios, 0.5),
                        Report.quantile(ratios, 0.5) >= 1.0 ? "met" : "NOT met"))
                .append(String.format(Locale.ROOT, "| P3' event-to-start p50 (median of rounds) | %.1f ms | %.1f ms | – | ≤ 20 ms %s |%n%n",
                        latency, Report.quantile(peerLatency, 0.5), latency <= 20 ? "met" : "NOT met"))
                .append("| round | Plugboard runs/s | db-scheduler runs/s | ratio | Plugboard start p50 | db-scheduler start p50 |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < drains.size(); i++) {
            text.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f× | %.1f ms | %.1f ms |%n", i + 1, ours.get(i),
                    theirs.get(i), ratios.get(i), plugboardLatency.get(i), peerLatency.get(i)));
        }
        return text.toString();
    }
}
