package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where plugin manifests are discovered: builtin handlers' metadata and the plugins directory.
 * A manifest that cannot be read becomes a problem in the discovery, never an exception, so one
 * bad file does not hide the others.
 */
public interface ManifestSource {

    /**
     * @param directory a plugins directory to scan instead of the configured one (an operator's
     *                  {@code plugins sync --dir}); empty for the configured one
     */
    ManifestDiscovery discover(Optional<Path> directory);

    /**
     * Reads one manifest file ({@code plugin.yaml}, {@code .yml} or {@code .json}, with a
     * {@code settings.schema.json} beside it when the manifest has no {@code settingsSchema}).
     *
     * @throws dev.plugboard.domain.error.InvalidValueException naming the file and what is wrong with it
     */
    PluginManifest read(Path manifestFile, PluginSource source);
}
