package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Circuit breakers in memory; the in-memory transaction lock serializes decisions as row locks do in PostgreSQL. */
public final class InMemoryCircuitRepository implements CircuitRepository, Snapshotting {

    private record Key(Owner owner, PluginName plugin) {
    }

    private Map<Key, Circuit> circuits = new HashMap<>();

    @Override
    public synchronized Circuit lock(Owner owner, PluginName plugin, Instant now) {
        return circuits.computeIfAbsent(new Key(owner, plugin), key -> Circuit.closed(owner, plugin, now));
    }

    @Override
    public synchronized void save(Circuit circuit) {
        circuits.put(new Key(circuit.owner(), circuit.plugin()), circuit);
    }

    @Override
    public synchronized boolean recordSuccessesIfHealthy(Owner owner, PluginName plugin, int count, Instant now) {
        Circuit circuit = circuits.get(new Key(owner, plugin));
        if (circuit == null || !circuit.isHealthy()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            circuit = circuit.recordSuccess(now);
        }
        save(circuit);
        return true;
    }

    @Override
    public synchronized Optional<Circuit> peek(Owner owner, PluginName plugin) {
        return Optional.ofNullable(circuits.get(new Key(owner, plugin)));
    }

    @Override
    public synchronized List<Circuit> findByOwner(Owner owner) {
        return circuits.values().stream().filter(c -> c.owner().equals(owner))
                .sorted((a, b) -> a.plugin().compareTo(b.plugin())).toList();
    }

    /** Every owner's circuits, for the health job. */
    public synchronized List<Circuit> all() {
        return List.copyOf(circuits.values());
    }

    @Override
    public synchronized int deleteIdle(Instant before) {
        int size = circuits.size();
        circuits.values().removeIf(circuit -> circuit.isIdleSince(before));
        return size - circuits.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(circuits);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        circuits = new HashMap<>((Map<Key, Circuit>) snapshot);
    }
}
