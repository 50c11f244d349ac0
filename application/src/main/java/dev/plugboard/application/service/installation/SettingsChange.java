package dev.plugboard.application.service.installation;

import dev.plugboard.application.port.out.Telemetry;

import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.MergePatch;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.SettingsUpdate;
import dev.plugboard.domain.settings.SettingsValidation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;

/**
 * One owner's settings change worked out the same way for install, update and the dry run: the
 * patch merged over what is stored (stored secrets opened for the check, never shown), defaults
 * applied, validated (by the schema, then by the plugin's {@code validate} hook); and which values
 * are to be sealed. Because the dry run is this very code
 * without the save, the two cannot disagree.
 */
final class SettingsChange {

    private final SettingsPolicy policy;
    private final SettingsVault vault;
    private final Telemetry telemetry;
    private final LifecycleHooks hooks;

    SettingsChange(SettingsPolicy policy, SettingsVault vault, Telemetry telemetry, LifecycleHooks hooks) {
        this.policy = policy;
        this.vault = vault;
        this.telemetry = telemetry;
        this.hooks = hooks;
    }

    /** The outcome of checking a change, and what would be stored. */
    record Proposal(SettingsValidation validation) {

        /** The settings sealed for storage; only for a valid proposal. */
        SealedSettings sealFor(UUID installation, SettingsVault vault) {
            return validation.orThrow().seal(validation.secretPointers(), vault.sealerFor(installation));
        }
    }

    Proposal propose(SettingsSpec spec, Optional<Installation> current, JsonDocument patch) {
        Set<String> storedSecrets = current.map(installation -> installation.secrets().pointers()).orElse(Set.of());
        JsonDocument stored = current.map(installation -> keptInClear(installation, patch)).orElse(JsonDocument.empty());
        JsonDocument proposed = SettingsUpdate.propose(policy, spec, stored, storedSecrets, patch);
        // A value stored as secret stays secret, even if the schema no longer says writeOnly.
        SettingsValidation validation = hooks.withHookProblems(policy.validate(spec, proposed, storedSecrets));
        telemetry.settingsValidated(validation.plugin(), validation.isValid());
        return new Proposal(validation);
    }

    /**
     * The stored settings with only the secrets that {@code patch} keeps opened: one the owner
     * replaces or removes is never decrypted, so a secret that cannot be read any more (a lost key,
     * a copied ciphertext) can still be overwritten.
     */
    private JsonDocument keptInClear(Installation installation, JsonDocument patch) {
        JsonDocument mergedVisible = MergePatch.apply(installation.settings(), patch);
        return vault.inClear(installation, pointer -> mergedVisible.at(pointer).filter(SettingsPolicy.REDACTED::equals).isPresent());
    }

    /** The effective settings of a proposal as they may be shown: every secret reads (set). */
    JsonDocument shown(Proposal proposal) {
        Map<String, Object> hidden = new TreeMap<>();
        proposal.validation().secretPointers().forEach(pointer -> hidden.put(pointer, SettingsPolicy.REDACTED));
        return proposal.validation().effectiveSettings().replaceAllAt(hidden);
    }
}
