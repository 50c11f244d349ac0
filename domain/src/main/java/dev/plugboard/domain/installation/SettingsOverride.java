package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SecretSealer;

import java.util.Set;

/**
 * An installation's settings for one environment, as a JSON Merge Patch over its base settings:
 * the fields it names replace the base's there. Stored like the base settings: the visible
 * document, where each secret reads {@code (set)}, and the secrets sealed apart (with the
 * environment in their associated data, so a base ciphertext copied here does not open).
 */
public record SettingsOverride(Environment environment, JsonDocument visible, SealedSecrets secrets) {

    public SettingsOverride {
        Require.present("environment", environment);
        Require.present("override settings", visible);
        Require.present("override secrets", secrets);
    }

    /** Seals the values at {@code secretPointers} of an override given in clear. */
    public static SettingsOverride seal(String plugin, Environment environment, JsonDocument inClear,
                                        Set<String> secretPointers, SecretSealer sealer) {
        SealedSettings sealed = SealedSettings.sealPlainText(plugin, inClear, SealedSecrets.none(), secretPointers, sealer);
        return new SettingsOverride(environment, sealed.visible(), sealed.secrets());
    }

    /** The override with its secrets opened: only for validating the whole or handing it to a run. */
    public JsonDocument inClear(SecretSealer sealer) {
        return SealedSettings.open(visible, secrets, sealer);
    }

    public boolean isEmpty() {
        return visible.asMap().isEmpty();
    }
}
