package dev.plugboard.application.port.in.catalog;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;

/**
 * Removes a plugin from the catalog for good, with its run history, once no installation is left:
 * a retired plugin, or one registered over the API. Builtins, and plugins whose manifest is still in
 * the plugins directory (the next sync would add them again), are refused.
 */
public interface PurgePluginUseCase {

    record PurgePluginCommand(Actor actor, PluginName plugin) {
        public PurgePluginCommand {
            Require.present("actor", actor);
            Require.present("plugin", plugin);
        }
    }

    /** @return the plugin as it was before it was removed */
    Plugin purge(PurgePluginCommand command);
}
