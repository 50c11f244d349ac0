package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.monitoring.HealthRepository;
import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Health verdicts in memory, for embedding. */
public final class InMemoryHealthRepository implements HealthRepository {

    private final Map<PluginName, PluginHealth> verdicts = new TreeMap<>();

    @Override
    public synchronized Optional<PluginHealth> find(PluginName plugin) {
        return Optional.ofNullable(verdicts.get(plugin));
    }

    @Override
    public synchronized List<PluginHealth> findAll() {
        return List.copyOf(verdicts.values());
    }

    @Override
    public synchronized void save(PluginHealth health) {
        verdicts.put(health.plugin(), health);
    }
}
