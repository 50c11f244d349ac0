package dev.plugboard.application.port.out;

import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.List;

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

    /** The owner's circuits, by plugin name. */
    List<Circuit> findByOwner(Owner owner);

    /** Forgets closed circuits with no failure streak untouched since {@code before}; returns how many. */
    int deleteIdle(Instant before);
}
