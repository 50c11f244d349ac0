package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.SettingsMigration;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every stored installation of a plugin against a manifest's settings schema, as a run's
 * start would, after the manifest's settings migrations: sealed secrets count by their presence
 * and are not opened. A dry run only counts
 * ({@link #of}); a sync stores the outcome on each installation ({@link #revalidate}).
 */
final class SchemaImpact {

    private final InstallationRepository installations;
    private final SettingsPolicy settingsPolicy;
    private final AuditTrail audit;

    SchemaImpact(InstallationRepository installations, SettingsPolicy settingsPolicy, AuditTrail audit) {
        this.installations = installations;
        this.settingsPolicy = settingsPolicy;
        this.audit = audit;
    }

    /** One stored installation judged against the new schema, after the manifest's settings migrations. */
    private record Checked(Installation installation, JsonDocument migrated, List<Violation> violations) {

        boolean migratedSettings() {
            return !migrated.equals(installation.settings());
        }
    }

    private List<Checked> check(PluginManifest manifest) {
        return installations.findByPlugin(manifest.name()).stream().map(installation -> {
            JsonDocument migrated = SettingsMigration.applyAll(manifest.settingsMigrations(), installation.settings(),
                    installation.secrets().pointers());
            return new Checked(installation, migrated, settingsPolicy.storedViolations(manifest.settingsSpec(),
                    migrated, installation.secrets().pointers()));
        }).toList();
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
     * Stores the outcome on every installation whose state changes, in the caller's transaction:
     * the manifest's settings migrations are applied (and audited on the installation); one that
     * no longer validates needs attention, with its violations; one that validates again is cleared.
     */
    void revalidate(PluginManifest manifest, Actor actor, Instant now) {
        for (Checked one : check(manifest)) {
            Installation stored = one.installation();
            Attention found = Attention.of(one.violations());
            if (found.equals(stored.attention()) && !one.migratedSettings()) {
                continue;
            }
            installations.update(stored.revalidated(one.migrated(), found, now));
            if (one.migratedSettings()) {
                audit.success(actor, AuditAction.CONFIGURE,
                        AuditEntry.installationTarget(stored.owner().toString(), manifest.name().value()),
                        JsonDocument.of(Map.of("settings", stored.settings().asMap())),
                        JsonDocument.of(Map.of("settings", one.migrated().asMap())),
                        "settings migrated by " + manifest.name() + " " + manifest.version() + ": "
                                + String.join("; ", manifest.settingsMigrations().stream().map(Object::toString).toList()));
            }
        }
    }
}
