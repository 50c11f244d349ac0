package dev.plugboard.application.service.secret;

import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.SecretCipher.SecretScope;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SecretSealer;

import java.util.UUID;

/**
 * Where secret settings are sealed and opened: each value with its installation and pointer as
 * associated data. Settings are opened in clear for two purposes only: handing them to the plugin
 * that runs (in-process or on a worker), and re-checking kept secrets when an owner changes settings.
 */
public final class SettingsVault {

    private final SecretCipher cipher;

    public SettingsVault(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Seals and opens the secrets of one installation. */
    public SecretSealer sealerFor(UUID installation) {
        return new SecretSealer() {
            @Override
            public String seal(String pointer, String valueJson) {
                return cipher.seal(valueJson, new SecretScope(installation, pointer));
            }

            @Override
            public String open(String pointer, String sealed) {
                return cipher.open(sealed, new SecretScope(installation, pointer));
            }
        };
    }

    /** The installation's settings with every secret opened. */
    public JsonDocument inClear(Installation installation) {
        return installation.settingsInClear(sealerFor(installation.id()));
    }

    /** The installation's settings with only the secrets at the pointers {@code which} accepts opened. */
    public JsonDocument inClear(Installation installation, java.util.function.Predicate<String> which) {
        return SealedSettings.open(installation.settings(), installation.secrets(), sealerFor(installation.id()), which);
    }

    /**
     * The settings a run executes with: the installation's, secrets in clear, with the run's own
     * overlay (a workflow step's static config) merged over them.
     */
    public JsonDocument forRun(Installation installation, dev.plugboard.domain.run.PluginRun run) {
        return inClear(installation).mergedWith(run.settingsOverlay());
    }

    public SecretCipher cipher() {
        return cipher;
    }
}
