package dev.plugboard.application.port.out;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;
import java.util.Optional;

/** The catalog's storage. Plugins are identified by name; the manifest is stored with the switch state. */
public interface PluginRepository {

    Optional<Plugin> find(PluginName name);

    /** Every plugin, by name; the catalog is small enough for dependency checks to see it whole. */
    List<Plugin> findAll();

    /** One page of the plugins matching {@code filter}, ordered by name. */
    Page<Plugin> search(CatalogFilter filter, PageRequest page);

    /** Inserts a new plugin or replaces the stored one of the same name. */
    void save(Plugin plugin);

    /** Removes the plugin for good, with its runs and metrics; false when there was none. Installations must be gone. */
    boolean delete(PluginName name);
}
