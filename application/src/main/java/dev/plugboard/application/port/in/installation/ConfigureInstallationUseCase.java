package dev.plugboard.application.port.in.installation;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.OptionalLong;

/**
 * An owner replaces an installation's settings. A secret left out, or sent back as {@code (set)},
 * keeps its stored value. With {@code expectedVersion}, a stale copy is refused instead of
 * overwriting someone else's change. With an {@code environment} other than the default, the
 * settings are that environment's override instead: merged over the stored override the same way,
 * and the base settings with the override over them validated as a whole.
 */
public interface ConfigureInstallationUseCase {

    record ConfigureInstallationCommand(Caller caller, PluginName plugin, JsonDocument settings,
                                        OptionalLong expectedVersion, Environment environment) {
        public ConfigureInstallationCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
            Require.present("settings", settings);
            expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
            environment = environment == null ? Environment.DEFAULT : environment;
        }

        /** The base settings (the default environment). */
        public ConfigureInstallationCommand(Caller caller, PluginName plugin, JsonDocument settings,
                                            OptionalLong expectedVersion) {
            this(caller, plugin, settings, expectedVersion, Environment.DEFAULT);
        }
    }

    InstallationView configure(ConfigureInstallationCommand command);
}
