package dev.plugboard.application.port.in.catalog;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;

import java.nio.file.Path;

/** An administrator adds a plugin to the catalog, or replaces the manifest of one already there. */
public interface RegisterPluginUseCase {

    /**
     * What to register, and who does it. With {@code force} it may take over a plugin the plugins
     * directory added; a builtin is never replaced.
     */
    record RegisterPluginCommand(Actor actor, PluginManifest manifest, boolean force) {
        public RegisterPluginCommand {
            Require.present("actor", actor);
            Require.present("manifest", manifest);
        }

        public RegisterPluginCommand(Actor actor, PluginManifest manifest) {
            this(actor, manifest, false);
        }
    }

    /** The plugin as registered, and whether it is new to the catalog. */
    record Registration(Plugin plugin, boolean created) {
    }

    /** Register from a manifest file (an operator's {@code plugins register MANIFEST}). */
    record RegisterFileCommand(Actor actor, Path manifestFile, boolean force) {
        public RegisterFileCommand {
            Require.present("actor", actor);
            Require.present("manifest file", manifestFile);
        }

        public RegisterFileCommand(Actor actor, Path manifestFile) {
            this(actor, manifestFile, false);
        }
    }

    Registration register(RegisterPluginCommand command);

    Registration registerFile(RegisterFileCommand command);
}
