package dev.plugboard.application.port.in.installation;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.OptionalLong;

/**
 * An owner replaces an installation's settings. A secret left out, or sent back as {@code (set)},
 * keeps its stored value. With {@code expectedVersion}, a stale copy is refused instead of
 * overwriting someone else's change.
 */
public interface ConfigureInstallationUseCase {

    record ConfigureInstallationCommand(Caller caller, PluginName plugin, JsonDocument settings,
                                        OptionalLong expectedVersion) {
        public ConfigureInstallationCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
            Require.present("settings", settings);
            expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
        }
    }

    InstallationView configure(ConfigureInstallationCommand command);
}
