package dev.plugboard.adapter.console.catalog;

import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;

import java.util.List;

/** A plugin as its card shows it, with its health (state and score) and whether the current owner has installed it. */
public record PluginCard(String name, String displayName, String description, String category, List<String> tags,
                         String version, String icon, boolean enabled, boolean installed, boolean needsSettings,
                         String health) {

    static PluginCard from(Plugin plugin, boolean installed, String health) {
        PluginManifest m = plugin.manifest();
        Object required = m.settingsSchema().get("required").orElse(List.of());
        boolean needsSettings = required instanceof List<?> fields && !fields.isEmpty();
        return new PluginCard(m.name().value(), m.displayName(), m.description(), m.category(), m.tags(),
                m.version().toString(), m.icon().orElse("plug"), plugin.isEnabled(), installed, needsSettings, health);
    }

    /** The first letter of the display name, as a plain-text icon that needs no image. */
    public String initial() {
        return displayName.isEmpty() ? "?" : displayName.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
