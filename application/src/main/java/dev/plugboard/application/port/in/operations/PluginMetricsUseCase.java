package dev.plugboard.application.port.in.operations;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads a plugin's hourly rollups: across every owner (operators) or one owner's own. */
public interface PluginMetricsUseCase {

    /**
     * The hours from {@code from} (inclusive) to {@code to} (exclusive), both whole UTC hours, at
     * most {@link #MAX_HOURS} of them.
     *
     * @param owner empty for every owner together
     */
    MetricsSeries hourly(PluginName plugin, Optional<Owner> owner, Instant from, Instant to);

    int MAX_HOURS = 24 * 92;

    /**
     * The series, one entry per hour, zero-filled up to {@code rolledUpTo}: later hours are not
     * rolled up yet and absent.
     *
     * @param rolledUpTo the end of the last hour rolled up, if any
     */
    record MetricsSeries(String plugin, Instant from, Instant to, Optional<Instant> rolledUpTo,
                         List<PluginMetricsHour> hours) {
        public MetricsSeries {
            hours = List.copyOf(hours);
        }
    }
}
