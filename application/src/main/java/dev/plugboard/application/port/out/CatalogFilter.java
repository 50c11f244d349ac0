package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Narrows a catalog listing. Every given criterion must hold; {@code tags} must all be present;
 * {@code text} matches name, display name, description or a tag, ignoring case.
 */
public record CatalogFilter(Optional<String> category, Set<String> tags, Optional<String> capability,
                            Optional<String> text, Optional<Boolean> enabled) {

    public static final CatalogFilter ALL = new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public CatalogFilter {
        category = blankToEmpty(category);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        capability = blankToEmpty(capability);
        text = blankToEmpty(text);
        enabled = enabled == null ? Optional.empty() : enabled;
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The reference semantics every repository implements (the in-memory one uses it directly). */
    public boolean matches(Plugin plugin) {
        PluginManifest m = plugin.manifest();
        return category.map(m.category()::equals).orElse(true)
                && m.tags().containsAll(tags)
                && capability.map(m.capabilities()::contains).orElse(true)
                && enabled.map(value -> value == plugin.isEnabled()).orElse(true)
                && text.map(t -> matchesText(m, t.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static boolean matchesText(PluginManifest m, String needle) {
        return m.name().value().contains(needle)
                || m.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || m.description().toLowerCase(Locale.ROOT).contains(needle)
                || m.tags().stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(needle));
    }
}
