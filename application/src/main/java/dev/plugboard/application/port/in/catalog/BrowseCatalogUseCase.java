package dev.plugboard.application.port.in.catalog;

import java.util.List;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginNotFoundException;

/** Reading the catalog: anyone may list and look up plugins. */
public interface BrowseCatalogUseCase {

    Page<Plugin> list(CatalogFilter filter, PageRequest page);

    /** @throws PluginNotFoundException when no plugin has this name */
    Plugin get(String name);

    /**
     * Why the plugin's dependencies do not hold in the catalog as it is now (empty when they do), e.g.
     * after a forced upgrade of a dependency outside its range.
     */
    List<String> unsatisfied(Plugin plugin);
}
