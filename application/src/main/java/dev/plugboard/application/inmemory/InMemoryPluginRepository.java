package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The catalog in memory, for embedding and tests. */
public final class InMemoryPluginRepository implements PluginRepository, Snapshotting {

    private TreeMap<PluginName, Plugin> plugins = new TreeMap<>();

    @Override
    public synchronized Optional<Plugin> find(PluginName name) {
        return Optional.ofNullable(plugins.get(name));
    }

    @Override
    public synchronized List<Plugin> findAll() {
        return List.copyOf(plugins.values());
    }

    @Override
    public synchronized Page<Plugin> search(CatalogFilter filter, PageRequest page) {
        return filter.page(plugins.values(), page);
    }

    @Override
    public synchronized void save(Plugin plugin) {
        plugins.put(plugin.name(), plugin);
    }

    @Override
    public synchronized boolean delete(PluginName name) {
        return plugins.remove(name) != null;
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(plugins);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        plugins = new TreeMap<>((TreeMap<PluginName, Plugin>) snapshot);
    }
}
