package dev.plugboard.application.port.in.operations;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One plugin's runs that ended in one UTC hour (per owner, or across owners): counts, failures by
 * error code, duration percentiles in milliseconds, and CPU time and peak memory where recorded.
 */
public record PluginMetricsHour(Instant hour, long runs, long successes, long failures, long cancelled,
                                Map<String, Long> failureCodes, Optional<Double> p50Ms, Optional<Double> p95Ms,
                                Optional<Double> p99Ms, Optional<Long> cpuTimeMs, Optional<Long> peakMemoryBytes) {

    public PluginMetricsHour {
        failureCodes = Map.copyOf(failureCodes);
    }

    /** An hour rolled up with no run in it. */
    public static PluginMetricsHour empty(Instant hour) {
        return new PluginMetricsHour(hour, 0, 0, 0, 0, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
