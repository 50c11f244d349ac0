package dev.plugboard.domain.plugin;

import java.util.Map;

/** A plugin cannot be purged yet: it is a builtin, still has a manifest, or still has installations. */
public final class PluginStillUsedException extends PluginConflictException {

    private static final long serialVersionUID = 1L;

    public PluginStillUsedException(String plugin, String reason) {
        super(plugin, "plugin_still_used", "plugin " + plugin + " cannot be purged: " + reason, Map.of());
    }
}
