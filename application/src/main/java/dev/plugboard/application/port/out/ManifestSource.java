package dev.plugboard.application.port.out;

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
}
