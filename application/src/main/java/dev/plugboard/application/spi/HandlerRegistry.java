package dev.plugboard.application.spi;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The handlers by plugin name: those on the classpath, any an embedding application adds, and those
 * of plugin packages (jars run in plugin hosts), whose manifests come from their directory instead.
 */
public final class HandlerRegistry {

    private final Map<PluginName, PluginHandler> handlers;
    private final Set<PluginName> packaged;

    public HandlerRegistry(Collection<? extends PluginHandler> handlers) {
        this(handlers, Set.of());
    }

    private HandlerRegistry(Collection<? extends PluginHandler> handlers, Set<PluginName> packaged) {
        Map<PluginName, PluginHandler> byName = new LinkedHashMap<>();
        for (PluginHandler handler : handlers) {
            PluginName name = handler.manifest().name();
            if (byName.putIfAbsent(name, handler) != null) {
                throw new IllegalStateException("two handlers claim plugin '" + name + "': "
                        + byName.get(name).getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.handlers = Map.copyOf(byName);
        this.packaged = Set.copyOf(packaged);
    }

    /**
     * These handlers and {@code packages}' handlers: their manifests are read from the plugins
     * directory, so {@link #manifests()} leaves them out.
     */
    public HandlerRegistry withPackaged(Collection<? extends PluginHandler> packages) {
        List<PluginHandler> all = new java.util.ArrayList<>(handlers.values());
        all.addAll(packages);
        Set<PluginName> names = new java.util.HashSet<>(packaged);
        packages.forEach(handler -> names.add(handler.manifest().name()));
        return new HandlerRegistry(all, names);
    }

    /** Every {@link PluginHandler} listed in {@code META-INF/services} on the class path. */
    public static HandlerRegistry fromClasspath() {
        return new HandlerRegistry(ServiceLoader.load(PluginHandler.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public static HandlerRegistry none() {
        return new HandlerRegistry(List.of());
    }

    public Optional<PluginHandler> find(PluginName plugin) {
        return Optional.ofNullable(handlers.get(plugin));
    }

    public Set<PluginName> plugins() {
        return handlers.keySet();
    }

    /** The handlers' manifests: builtin plugins for the catalog. */
    public List<PluginManifest> manifests() {
        return handlers.values().stream().map(PluginHandler::manifest).filter(m -> !packaged.contains(m.name())).toList();
    }
}
