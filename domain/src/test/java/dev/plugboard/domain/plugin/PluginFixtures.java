package dev.plugboard.domain.plugin;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builders shared by the plugin tests. */
final class PluginFixtures {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-01-02T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-01-03T00:00:00Z");

    static final SettingsPolicy POLICY = new SettingsPolicy();

    private PluginFixtures() {
    }

    static PluginManifest manifest(String name, String version, Dependency... dependencies) {
        return PluginManifest.builder(name, version).dependencies(Arrays.asList(dependencies)).build();
    }

    static Plugin plugin(String name, String version, Dependency... dependencies) {
        return Plugin.register(manifest(name, version, dependencies), POLICY, T0);
    }

    static Plugin disabled(String name, String version, Dependency... dependencies) {
        return plugin(name, version, dependencies).disable(T1);
    }

    static JsonDocument json(String text) {
        return JsonDocument.parse(text);
    }

    static List<Plugin> catalog(Plugin... plugins) {
        return List.of(plugins);
    }
}
