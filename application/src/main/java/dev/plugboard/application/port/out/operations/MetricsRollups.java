package dev.plugboard.application.port.out.operations;

import dev.plugboard.application.port.in.operations.PluginMetricsHour;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The hourly rollups of runs per plugin and per owner and plugin, and how far they reach. */
public interface MetricsRollups {

    /** The start of the last hour rolled up, if any. */
    Optional<Instant> lastRolledHour();

    /** The completion time of the first finished run at or after {@code from}, if any. */
    Optional<Instant> firstFinishedRunFrom(Instant from);

    /**
     * Computes the rollups of the hour starting at {@code hour} from the run rows, replacing any
     * there were, and records it as the last hour rolled up.
     *
     * @return how many plugins had runs that hour
     */
    int rollUp(Instant hour, Instant now);

    /** Records that every hour up to the one starting at {@code hour} is rolled up (empty ones included). */
    void markRolledUp(Instant hour, Instant now);

    /** The stored hours in [from, to), oldest first; hours without runs have no row. */
    List<PluginMetricsHour> hours(PluginName plugin, Optional<Owner> owner, Instant from, Instant to);
}
