package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs waiting to execute, across all owners: what executors and external workers claim and
 * what the reaper recovers. Safe for several instances on one database: a run is handed to one
 * claimer only (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}).
 */
public interface RunQueue {

    /**
     * Claims up to {@code max} pending runs of {@code plugins} that are available at {@code now}
     * (oldest first), moving each to processing under {@code lease} and starting its next attempt.
     * Must run inside a transaction; the claimed runs are returned as stored.
     */
    default List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now) {
        return claim(plugins, max, lease, now, Map.of());
    }

    /**
     * As {@link #claim(Set, int, Lease, Instant)}, but never past {@code perOwnerLimits}: for a plugin
     * named there, an owner never has more processing runs than its limit, counting those every
     * instance holds. Claims of a limited plugin are serialized across instances so that two
     * claimers cannot both take an owner's last slot.
     */
    List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now, Map<PluginName, Integer> perOwnerLimits);

    /**
     * Up to {@code max} pending runs of {@code plugin} that have been available since before
     * {@code availableBefore} and nobody claimed, locked for the caller's transaction.
     */
    List<PluginRun> unclaimedSince(PluginName plugin, Instant availableBefore, int max);

    /**
     * Up to {@code max} processing runs whose lease expired before {@code now}, locked for the
     * caller's transaction so that two reapers never recover the same run.
     */
    List<PluginRun> expiredLeases(Instant now, int max);

    /** A run by id whoever owns it, for the worker holding its lease and for the executor. */
    Optional<PluginRun> find(RunId id);
}
