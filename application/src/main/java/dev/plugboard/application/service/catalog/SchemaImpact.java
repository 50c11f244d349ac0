package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every stored installation of a plugin against a manifest's settings schema, as a run's
 * start would: sealed secrets count by their presence and are not opened. A dry run only counts
 * ({@link #of}); a sync stores the outcome on each installation ({@link #revalidate}).
 */
final class SchemaImpact {

    private final InstallationRepository installations;
    private final SettingsPolicy settingsPolicy;

    SchemaImpact(InstallationRepository installations, SettingsPolicy settingsPolicy) {
        this.installations = installations;
        this.settingsPolicy = settingsPolicy;
    }

    /** One stored installation judged against the new schema. */
    private record Checked(Installation installation, List<Violation> violations) {
    }

    private List<Checked> check(PluginManifest manifest) {
        return installations.findByPlugin(manifest.name()).stream()
                .map(installation -> new Checked(installation, settingsPolicy.storedViolations(manifest.settingsSpec(),
                        installation.settings(), installation.secrets().pointers())))
                .toList();
    }

    Impact of(PluginManifest manifest) {
        List<Checked> checked = check(manifest);
        List<String> examples = new ArrayList<>();
        int broken = 0;
        for (Checked one : checked) {
            if (!one.violations().isEmpty()) {
                broken++;
                if (examples.size() < Impact.EXAMPLES) {
                    examples.add(one.installation().owner() + ": " + String.join("; ", one.violations().stream()
                            .map(v -> v.pointer() + ": " + v.message()).toList()));
                }
            }
        }
        return new Impact(checked.size(), broken, examples);
    }

    /**
     * Stores the outcome on every installation whose state changes: one that no longer validates
     * needs attention, with its violations; one that validates again is cleared.
     */
    void revalidate(PluginManifest manifest, Instant now) {
        for (Checked one : check(manifest)) {
            Attention found = Attention.of(one.violations());
            if (!found.equals(one.installation().attention())) {
                installations.update(one.installation().revalidated(one.installation().settings(), found, now));
            }
        }
    }
}
