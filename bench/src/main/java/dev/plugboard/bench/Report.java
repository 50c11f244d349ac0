package dev.plugboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The Markdown report of {@link MetricsOverhead}. */
final class Report {

    private static final double BUDGET = 0.05;

    private Report() {
    }

    static String render(Instant at, int pairs, Duration block, List<Double> off, List<Double> on, List<Double> ratios,
                         double loadBefore, double loadAfter, RollupCost.Result rollup) {
        double overhead = 1 - quantile(ratios, 0.5);
        double[] interval = medianInterval(ratios);
        double low = 1 - interval[1];
        double high = 1 - interval[0];
        double total = overhead + rollup.shareOfTheHour();
        double totalHigh = high + rollup.shareOfTheHour();
        StringBuilder text = new StringBuilder();
        text.append("# Metrics and rollup overhead on run throughput\n\n")
                .append("Written by `bench/` (`dev.plugboard.bench.MetricsOverhead`, see `bench/README.md`); do not edit by hand.\n\n")
                .append(String.format(Locale.ROOT, "- Measured: %s, Java %s, %d cores, load average %.1f before and %.1f after.%n",
                        at, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter))
                .append(String.format(Locale.ROOT, "- Run throughput: %d pairs of %d ms blocks, telemetry off and on in random order,"
                        + " queue, claim and complete through the use cases on the in-memory storage (the cheapest runs there are,"
                        + " so the meters weigh most).%n", pairs, block.toMillis()))
                .append(String.format(Locale.ROOT, "- Rollup: one hour of %,d finished runs over %d plugins, rolled up on the"
                        + " embedded PostgreSQL by the server's own job code.%n%n", rollup.runs(), rollup.plugins()))
                .append("| figure | value |\n|---|---|\n")
                .append(String.format(Locale.ROOT, "| runs/s, telemetry off (median of blocks) | %,.0f |%n", quantile(off, 0.5)))
                .append(String.format(Locale.ROOT, "| runs/s, telemetry on (median of blocks) | %,.0f |%n", quantile(on, 0.5)))
                .append(String.format(Locale.ROOT, "| meters' cost: 1 − median(on/off) per pair | %.1f %% (95 %% confidence: %.1f %% to %.1f %%) |%n",
                        overhead * 100, low * 100, high * 100))
                .append(String.format(Locale.ROOT, "| rollup of that hour (median of 5) | %.0f ms, %.4f %% of the hour |%n",
                        rollup.medianMillis(), rollup.shareOfTheHour() * 100))
                .append(String.format(Locale.ROOT, "| **metrics and rollup together** | **%.1f %%**, at most %.1f %% with 95 %% confidence (budget %.0f %%: %s) |%n",
                        total * 100, totalHigh * 100, BUDGET * 100,
                        totalHigh <= BUDGET ? "within" : total <= BUDGET ? "within by the estimate, not by its upper bound: run it on a quieter machine" : "OVER"));
        return text.toString();
    }

    /**
     * A distribution-free 95 % confidence interval of the median: the order statistics at
     * n/2 ∓ 0.98·√n (the normal approximation of the binomial sign test).
     */
    static double[] medianInterval(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        int lower = Math.max(0, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
        int upper = Math.min(n - 1, (int) Math.ceil(n / 2.0 + 0.98 * Math.sqrt(n)) - 1);
        return new double[] {sorted.get(lower), sorted.get(upper)};
    }

    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double position = q * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }
}
