package dev.plugboard.application.port.in.installation;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.Optional;

/** An owner installs a plugin, with settings checked against its schema and within the plan's limit. */
public interface InstallPluginUseCase {

    /** No settings means the plugin's defaults; no enabled flag means enabled. */
    record InstallPluginCommand(Caller caller, PluginName plugin, Optional<JsonDocument> settings,
                                Optional<Boolean> enabled) {
        public InstallPluginCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
            settings = settings == null ? Optional.empty() : settings;
            enabled = enabled == null ? Optional.empty() : enabled;
        }
    }

    InstallationView install(InstallPluginCommand command);
}
