package dev.plugboard.adapter.rest.catalog;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A plugin as a catalog listing shows it: what it is and whether it is switched on, without schemas. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PluginSummaryResponse(String name, String displayName, String description, String version,
                                    String category, List<String> tags, List<String> capabilities, @Nullable String icon,
                                    boolean enabled) {

    public static PluginSummaryResponse from(Plugin plugin) {
        PluginManifest m = plugin.manifest();
        return new PluginSummaryResponse(m.name().value(), m.displayName(), m.description(), m.version().toString(),
                m.category(), m.tags(), m.capabilities(), m.icon().orElse(null), plugin.isEnabled());
    }
}
