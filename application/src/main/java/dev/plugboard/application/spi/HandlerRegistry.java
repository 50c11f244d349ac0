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

/** The in-process handlers by plugin name: those on the classpath, plus any an embedding application adds. */
public final class HandlerRegistry {

    private final Map<PluginName, PluginHandler> handlers;

    public HandlerRegistry(Collection<? extends PluginHandler> handlers) {
        Map<PluginName, PluginHandler> byName = new LinkedHashMap<>();
        for (PluginHandler handler : handlers) {
            PluginName name = handler.manifest().name();
            if (byName.putIfAbsent(name, handler) != null) {
                throw new IllegalStateException("two handlers claim plugin '" + name + "': "
                        + byName.get(name).getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.handlers = Map.copyOf(byName);
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
        return handlers.values().stream().map(PluginHandler::manifest).toList();
    }
}
