package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.Require;

/** A plugin this plugin needs, with the versions of it that will do. */
public record Dependency(PluginName plugin, VersionRange range) {

    public Dependency {
        Require.present("dependency plugin", plugin);
        Require.present("dependency version range", range);
    }

    public static Dependency of(String plugin, String range) {
        return new Dependency(PluginName.of(plugin), VersionRange.parse(range));
    }

    @Override
    public String toString() {
        return plugin + " " + range;
    }
}
