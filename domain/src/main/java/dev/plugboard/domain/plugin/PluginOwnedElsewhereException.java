package dev.plugboard.domain.plugin;

import java.util.Map;

/** A manifest would replace a plugin another source owns: a builtin always, any other one unless forced. */
public final class PluginOwnedElsewhereException extends PluginConflictException {

    private static final long serialVersionUID = 1L;

    public PluginOwnedElsewhereException(String plugin, PluginSource owner, String reason) {
        super(plugin, "plugin_owned_elsewhere", reason, Map.of("source", owner.owner()));
    }
}
