package dev.plugboard.application.port.in.catalog;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;

/**
 * An administrator switches a plugin on or off for everyone. The state persists and survives
 * restarts; disabling a plugin that enabled plugins depend on needs {@code force}.
 */
public interface SwitchPluginUseCase {

    /** Switch {@code plugin} to {@code enabled}; {@code force} disables even when others depend on it. */
    record SwitchPluginCommand(Actor actor, PluginName plugin, boolean enabled, boolean force) {
        public SwitchPluginCommand {
            Require.present("actor", actor);
            Require.present("plugin", plugin);
        }
    }

    Plugin switchPlugin(SwitchPluginCommand command);
}
