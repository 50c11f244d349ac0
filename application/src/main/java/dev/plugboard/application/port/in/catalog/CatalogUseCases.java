package dev.plugboard.application.port.in.catalog;

/** The catalog's use cases as one handle: browse, register and switch plugins (what {@code Plugboard.catalog()} hands out). */
public interface CatalogUseCases extends BrowseCatalogUseCase, RegisterPluginUseCase, SwitchPluginUseCase {
}
