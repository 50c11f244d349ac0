package dev.plugboard.application.port.in.installation;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;

/** An owner removes an installation; its run history stays. */
public interface UninstallPluginUseCase {

    record UninstallPluginCommand(Caller caller, PluginName plugin) {
        public UninstallPluginCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
        }
    }

    void uninstall(UninstallPluginCommand command);
}
