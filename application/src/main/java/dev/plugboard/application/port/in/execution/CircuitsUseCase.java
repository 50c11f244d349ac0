package dev.plugboard.application.port.in.execution;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Duration;
import java.util.List;

/** Circuit breakers: an owner's stats for a dashboard, and an administrator's override. */
public interface CircuitsUseCase {

    List<Circuit> circuits(Owner owner);

    /** Opens the circuit for {@code duration}, or closes it and clears its failure streak. */
    Circuit force(Actor admin, Owner owner, PluginName plugin, boolean open, Duration duration);
}
