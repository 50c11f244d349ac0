package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;

import java.time.Instant;
import java.util.List;
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
    List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now);

    /**
     * Up to {@code max} processing runs whose lease expired before {@code now}, locked for the
     * caller's transaction so that two reapers never recover the same run.
     */
    List<PluginRun> expiredLeases(Instant now, int max);

    /** A run by id whoever owns it, for the worker holding its lease and for the executor. */
    Optional<PluginRun> find(RunId id);
}
