package dev.plugboard.application.port.out;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunAttempt;
import dev.plugboard.domain.run.RunId;

import java.util.List;
import java.util.Optional;

/** The run ledger, always looked up through the owner. */
public interface RunRepository {

    Optional<PluginRun> find(Owner owner, RunId id);

    /** The owner's run started with this idempotency key, if any. */
    Optional<PluginRun> findByIdempotencyKey(Owner owner, String idempotencyKey);

    /** One page of the owner's runs matching {@code filter}, newest first. */
    Page<PluginRun> search(Owner owner, RunFilter filter, PageRequest page);

    /** Stores a new run and returns it as stored. */
    PluginRun add(PluginRun run);

    /**
     * Replaces the stored run, provided it still has {@code run.version()}; returns it with the
     * incremented version.
     *
     * @throws ConcurrencyConflictException when someone else wrote first
     */
    PluginRun update(PluginRun run);

    /**
     * {@link #update} of each run, in order; a store may send them together (one round trip for a
     * batch of finished runs). Returns them with their incremented versions.
     *
     * @throws ConcurrencyConflictException naming a run someone else wrote first; then none of them
     *                                      counts (the caller's transaction must roll back)
     */
    default List<PluginRun> updateAll(List<PluginRun> runs) {
        return runs.stream().map(this::update).toList();
    }

    /** The attempts of the owner's run, first to last; empty for a run never attempted or another owner's run. */
    List<RunAttempt> attempts(Owner owner, RunId id);
}
