package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginManifest;

import java.util.List;

/** What a manifest scan found: the manifests it could read, and what was wrong with the rest. */
public record ManifestDiscovery(List<PluginManifest> manifests, List<Problem> problems) {

    /** A manifest that could not be used, with where it is and why. */
    public record Problem(String location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    public ManifestDiscovery {
        manifests = List.copyOf(manifests);
        problems = List.copyOf(problems);
    }

    public static ManifestDiscovery of(List<PluginManifest> manifests) {
        return new ManifestDiscovery(manifests, List.of());
    }
}
