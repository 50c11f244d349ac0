package dev.plugboard.domain.plugin;

import java.util.Map;

/** The plugin's manifest disappeared from the plugins directory: it takes no new installs or runs. */
public final class PluginRetiredException extends PluginConflictException {

    private static final long serialVersionUID = 1L;

    public PluginRetiredException(String plugin) {
        super(plugin, "PLUGIN_RETIRED", "plugin " + plugin + " is retired: its manifest is no longer in the plugins directory;"
                + " put it back and run `plugboard plugins sync`, or remove the plugin for good with `plugboard plugins purge "
                + plugin + "`", Map.of());
    }
}
