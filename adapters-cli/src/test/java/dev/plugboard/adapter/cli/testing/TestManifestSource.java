package dev.plugboard.adapter.cli.testing;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builtin manifests from code, plus {@code plugin.json} files, so register and sync can be tried without bootstrap's reader. */
public final class TestManifestSource implements ManifestSource {

    private final List<PluginManifest> builtin;

    public TestManifestSource(List<PluginManifest> builtin) {
        this.builtin = List.copyOf(builtin);
    }

    @Override
    public ManifestDiscovery discover(Optional<Path> directory) {
        if (directory.isEmpty()) {
            return ManifestDiscovery.of(builtin);
        }
        List<PluginManifest> found = new ArrayList<>(builtin);
        List<ManifestDiscovery.Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory.get())) {
            for (Path folder : files.sorted().toList()) {
                Path file = folder.resolve("plugin.json");
                try {
                    found.add(read(file, PluginSource.MANIFEST_DIRECTORY));
                } catch (DomainException e) {
                    problems.add(new ManifestDiscovery.Problem(file.toString(), e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new ManifestDiscovery.Problem(directory.get().toString(), "cannot be read: " + e.getMessage()));
        }
        return new ManifestDiscovery(found, problems);
    }

    @Override
    public PluginManifest read(Path manifestFile, PluginSource source) {
        try {
            return ManifestDocument.read(JsonDocument.parse(Files.readString(manifestFile)), source);
        } catch (IOException e) {
            throw new InvalidValueException("manifest file", manifestFile, "cannot be read: " + e);
        }
    }
}
