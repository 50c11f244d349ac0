package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every stored installation of a plugin against a manifest's settings schema, as a run's
 * start would: sealed secrets count by their presence and are not opened.
 */
final class SchemaImpact {

    private final InstallationRepository installations;
    private final SettingsPolicy settingsPolicy;

    SchemaImpact(InstallationRepository installations, SettingsPolicy settingsPolicy) {
        this.installations = installations;
        this.settingsPolicy = settingsPolicy;
    }

    Impact of(PluginManifest manifest) {
        List<Installation> stored = installations.findByPlugin(manifest.name());
        List<String> examples = new ArrayList<>();
        int broken = 0;
        for (Installation installation : stored) {
            List<Violation> violations = settingsPolicy.storedViolations(manifest.settingsSpec(), installation.settings(),
                    installation.secrets().pointers());
            if (!violations.isEmpty()) {
                broken++;
                if (examples.size() < Impact.EXAMPLES) {
                    examples.add(installation.owner() + ": " + String.join("; ", violations.stream()
                            .map(v -> v.pointer() + ": " + v.message()).toList()));
                }
            }
        }
        return new Impact(stored.size(), broken, examples);
    }
}
