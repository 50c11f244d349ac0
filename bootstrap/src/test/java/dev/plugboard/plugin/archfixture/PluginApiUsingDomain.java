package dev.plugboard.plugin.archfixture;

import dev.plugboard.domain.plugin.PluginName;

/** Breaks the plugin API's independence: a plugin jar would need the domain jar. */
public class PluginApiUsingDomain {

    public Class<?> domain() {
        return PluginName.class;
    }
}
