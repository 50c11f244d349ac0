package dev.plugboard.application.port.in.catalog;

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
}
