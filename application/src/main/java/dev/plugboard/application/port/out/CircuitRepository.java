package dev.plugboard.application.port.out;

import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Circuit breakers, shared by every instance through the database so that they all agree and the
 * state survives restarts.
 */
public interface CircuitRepository {

    /**
     * The owner's circuit for the plugin, locked until the caller's transaction ends (a closed one
     * is created when there is none), so concurrent executors decide one after the other.
     */
    Circuit lock(Owner owner, PluginName plugin, Instant now);

    void save(Circuit circuit);

    /**
     * The owner's circuit for the plugin as last committed, without a lock; empty when there is
     * none (a missing circuit is closed). For the fast path of admission: a closed circuit admits
     * without any change, so it needs neither a lock nor a write.
     */
    Optional<Circuit> peek(Owner owner, PluginName plugin);

    /**
     * Counts {@code count} successes on a healthy circuit (closed, no failure streak, no trial in
     * flight) in one write, which is all {@code count} calls of {@link Circuit#recordSuccess} change on
     * such a circuit; answers false, writing nothing, when the circuit is missing or not healthy: then
     * lock it and save.
     */
    boolean recordSuccessesIfHealthy(Owner owner, PluginName plugin, int count, Instant now);

    /** The owner's circuits, by plugin name. */
    List<Circuit> findByOwner(Owner owner);

    /** Forgets closed circuits with no failure streak untouched since {@code before}; returns how many. */
    int deleteIdle(Instant before);
}
