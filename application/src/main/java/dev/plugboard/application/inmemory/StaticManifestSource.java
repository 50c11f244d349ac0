package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A fixed list of manifests, for embedding applications that define their plugins in code. */
public final class StaticManifestSource implements ManifestSource {

    private final List<PluginManifest> manifests;

    public StaticManifestSource(List<PluginManifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    @Override
    public ManifestDiscovery discover(Optional<Path> directory) {
        if (directory.isPresent()) {
            return new ManifestDiscovery(manifests, List.of(new ManifestDiscovery.Problem(directory.get().toString(),
                    "this Plugboard was built with a fixed list of manifests and reads no plugins directory")));
        }
        return ManifestDiscovery.of(manifests);
    }

    @Override
    public PluginManifest read(Path manifestFile, PluginSource source) {
        throw new InvalidValueException("manifest file", manifestFile,
                "this Plugboard was built with a fixed list of manifests and reads no files");
    }
}
