package dev.plugboard.application;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adds the in-process handlers' own manifests (builtin plugins) to what a manifest source discovers. */
final class WithHandlerManifests implements ManifestSource {

    private final ManifestSource source;
    private final HandlerRegistry handlers;

    WithHandlerManifests(ManifestSource source, HandlerRegistry handlers) {
        this.source = source;
        this.handlers = handlers;
    }

    @Override
    public ManifestDiscovery discover(Optional<Path> directory) {
        ManifestDiscovery discovered = source.discover(directory);
        List<PluginManifest> manifests = new ArrayList<>();
        handlers.manifests().forEach(manifest -> manifests.add(manifest.toBuilder().source(PluginSource.BUILTIN).build()));
        manifests.addAll(discovered.manifests());
        return new ManifestDiscovery(manifests, discovered.problems());
    }

    @Override
    public PluginManifest read(Path manifestFile, PluginSource source) {
        return this.source.read(manifestFile, source);
    }
}
