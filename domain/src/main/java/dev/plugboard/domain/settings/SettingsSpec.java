package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.Require;

/**
 * What the settings policy needs to know of a plugin: who it is (the compile cache key), its
 * settings schema and its default settings.
 */
public record SettingsSpec(String plugin, String version, JsonDocument schema, JsonDocument defaults) {

    public SettingsSpec {
        Require.nonBlank("plugin", plugin);
        Require.nonBlank("version", version);
        Require.present("settings schema", schema);
        Require.present("default settings", defaults);
    }
}
