package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.DomainException;
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
import java.util.Optional;
import java.util.Set;

/**
 * Checks every stored installation of a plugin against a manifest's settings schema, as a run's
 * start would, after the manifest's settings migrations. Sealed secrets are opened for this check
 * only (a new schema may narrow what a secret may hold), in memory, never stored or shown in clear:
 * violations never repeat a value. A secret that cannot be opened counts by its presence. A dry
 * run only counts ({@link #of}); a sync stores the outcome on each installation ({@link #revalidate}).
 */
public final class SchemaImpact {

    private final InstallationRepository installations;
    private final SettingsPolicy settingsPolicy;
    private final AuditTrail audit;
    private final SettingsVault vault;

    public SchemaImpact(InstallationRepository installations, SettingsPolicy settingsPolicy, AuditTrail audit,
                        SettingsVault vault) {
        this.installations = installations;
        this.settingsPolicy = settingsPolicy;
        this.audit = audit;
        this.vault = vault;
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
            List<Violation> violations = inClear(installation)
                    .map(clear -> settingsPolicy.validate(manifest.settingsSpec(),
                            SettingsMigration.applyAll(manifest.settingsMigrations(), clear, Set.of())).violations())
                    .orElseGet(() -> settingsPolicy.storedViolations(manifest.settingsSpec(), migrated,
                            installation.secrets().pointers()));
            return new Checked(installation, migrated, violations);
        }).toList();
    }

    /** The settings with their secrets opened, when there are secrets and they open; otherwise none. */
    private Optional<JsonDocument> inClear(Installation installation) {
        if (installation.secrets().pointers().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(vault.inClear(installation));
        } catch (DomainException unreadable) {
            return Optional.empty();
        }
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
