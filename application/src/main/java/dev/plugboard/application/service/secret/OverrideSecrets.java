package dev.plugboard.application.service.secret;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.settings.SealedSecrets;
import dev.plugboard.domain.settings.SecretSealer;

/**
 * The secrets of an installation's per-environment overrides during a key rotation: each one still
 * sealed with an older key is opened and sealed again with the primary key, in the scope of its
 * environment, so that the old key can be retired without losing a staging API key.
 */
final class OverrideSecrets {

    private final InstallationRepository installations;
    private final SettingsVault vault;

    OverrideSecrets(InstallationRepository installations, SettingsVault vault) {
        this.installations = installations;
        this.vault = vault;
    }

    /** Re-encrypts the installation's stale override secrets; returns how many. Call inside a transaction. */
    long reencrypt(Installation installation, SecretCipher cipher) {
        long count = 0;
        for (SettingsOverride override : installations.overrides(installation.id()).values()) {
            long stale = stale(override, cipher);
            if (stale == 0) {
                continue;
            }
            SecretSealer sealer = vault.sealerFor(installation.id(), override.environment());
            SealedSecrets resealed = override.secrets().resealed((pointer, sealed) -> cipher.sealedWithPrimaryKey(sealed)
                    ? sealed : sealer.seal(pointer, sealer.open(pointer, sealed)));
            // Only over the override it read: one changed meanwhile keeps its change, and its stale
            // secrets stay counted as remaining for the next pass.
            if (installations.replaceOverride(installation.id(), override,
                    new SettingsOverride(override.environment(), override.visible(), resealed))) {
                count += stale;
            }
        }
        return count;
    }

    /** How many of the installation's override secrets are sealed with another key than the primary one. */
    long stale(Installation installation, SecretCipher cipher) {
        return installations.overrides(installation.id()).values().stream().mapToLong(o -> stale(o, cipher)).sum();
    }

    private static long stale(SettingsOverride override, SecretCipher cipher) {
        return override.secrets().asMap().values().stream().filter(sealed -> !cipher.sealedWithPrimaryKey(sealed)).count();
    }
}
