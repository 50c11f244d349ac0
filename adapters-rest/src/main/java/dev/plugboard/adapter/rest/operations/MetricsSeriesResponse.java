package dev.plugboard.adapter.rest.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.operations.PluginMetricsHour;
import dev.plugboard.application.port.in.operations.PluginMetricsUseCase.MetricsSeries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * A plugin's hourly series.
 *
 * @param rolledUpTo the end of the last hour rolled up; the series stops there (later hours are not known yet)
 * @param hours      one entry per hour from {@code from}, zero-filled where no run ended
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricsSeriesResponse(String plugin, @Nullable String owner, String from, String to,
                                    @Nullable String rolledUpTo, List<Hour> hours) {

    /**
     * One hour: the runs that ended in it.
     *
     * @param failureCodes    failed runs by error code
     * @param p50Ms           median duration from start to end, in milliseconds (null when no run started)
     * @param cpuTimeMs       CPU time of the attempts, where the host measured it
     * @param peakMemoryBytes the largest peak memory of an attempt, where measured
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Hour(String hour, long runs, long successes, long failures, long cancelled,
                       Map<String, Long> failureCodes, @Nullable Double p50Ms, @Nullable Double p95Ms,
                       @Nullable Double p99Ms, @Nullable Long cpuTimeMs, @Nullable Long peakMemoryBytes) {

        static Hour from(PluginMetricsHour hour) {
            return new Hour(time(hour.hour()), hour.runs(), hour.successes(), hour.failures(), hour.cancelled(),
                    new TreeMap<>(hour.failureCodes()), hour.p50Ms().orElse(null), hour.p95Ms().orElse(null),
                    hour.p99Ms().orElse(null), hour.cpuTimeMs().orElse(null), hour.peakMemoryBytes().orElse(null));
        }
    }

    static MetricsSeriesResponse from(MetricsSeries series, @Nullable String owner) {
        return new MetricsSeriesResponse(series.plugin(), owner, time(series.from()), time(series.to()),
                time(series.rolledUpTo()), series.hours().stream().map(Hour::from).toList());
    }
}
