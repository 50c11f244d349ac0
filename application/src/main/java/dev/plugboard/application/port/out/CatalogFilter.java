package dev.plugboard.application.port.out;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;

import java.util.Collection;
import java.util.List;
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

    /** One page of the plugins of {@code byName} (ordered by name) that match, after the page's cursor. */
    public Page<Plugin> page(Collection<Plugin> byName, PageRequest page) {
        Optional<String> after = page.after().map(cursor -> Cursor.decode(cursor, 1).get(0));
        List<Plugin> matching = byName.stream()
                .filter(plugin -> after.map(name -> plugin.name().value().compareTo(name) > 0).orElse(true))
                .filter(this::matches)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetched(matching, page.limit(), plugin -> Cursor.encode(plugin.name().value()));
    }

    private static boolean matchesText(PluginManifest m, String needle) {
        return m.name().value().contains(needle)
                || m.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || m.description().toLowerCase(Locale.ROOT).contains(needle)
                || m.tags().stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(needle));
    }
}
