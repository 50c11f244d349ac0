package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The order a sync reads manifests in: dependencies first. */
final class ManifestOrder {

    private ManifestOrder() {
    }

    /**
     * Orders manifests so that a plugin's dependencies are registered before it; a name seen
     * twice is rejected rather than letting one silently win.
     */
    static List<PluginManifest> dependencyOrder(List<PluginManifest> discovered,
                                                        List<ManifestDiscovery.Problem> rejected) {
        Map<PluginName, PluginManifest> byName = new LinkedHashMap<>();
        for (PluginManifest manifest : discovered) {
            if (byName.putIfAbsent(manifest.name(), manifest) != null) {
                rejected.add(new ManifestDiscovery.Problem(manifest.name().value(),
                        "two manifests declare this name; the first one found was used"));
            }
        }
        List<PluginManifest> ordered = new ArrayList<>();
        List<PluginName> visiting = new ArrayList<>();
        for (PluginManifest manifest : byName.values()) {
            visit(manifest, byName, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(PluginManifest manifest, Map<PluginName, PluginManifest> byName,
                              List<PluginManifest> ordered, List<PluginName> visiting) {
        if (ordered.contains(manifest) || visiting.contains(manifest.name())) {
            return; // a cycle is reported by the dependency policy when the plugin is upserted
        }
        visiting.add(manifest.name());
        manifest.dependencies().stream()
                .map(dependency -> byName.get(dependency.plugin()))
                .filter(java.util.Objects::nonNull)
                .forEach(dependency -> visit(dependency, byName, ordered, visiting));
        visiting.remove(manifest.name());
        ordered.add(manifest);
    }
}
