package dev.plugboard.application.port.in.installation;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;

/** An owner switches their installation on or off; the administrator's global switch still applies. */
public interface ToggleInstallationUseCase {

    record ToggleInstallationCommand(Caller caller, PluginName plugin, boolean enabled) {
        public ToggleInstallationCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
        }
    }

    InstallationView toggle(ToggleInstallationCommand command);
}
