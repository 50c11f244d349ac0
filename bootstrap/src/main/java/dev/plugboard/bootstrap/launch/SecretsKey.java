package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.secrets.KeysetSource;
import dev.plugboard.adapter.secrets.SecretsKeyConfiguration;
import dev.plugboard.adapter.secrets.SecretsKeyException;
import dev.plugboard.adapter.secrets.TinkSecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settles the secrets key before the application starts, so that a missing key stops the start in
 * one line: {@code PLUGBOARD_SECRETS_KEY} as given, else (embedded database only) a key generated
 * once into the data folder.
 */
final class SecretsKey {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsKey.class);

    private SecretsKey() {
    }

    /** The value for {@code plugboard.secrets.key}: a keyset file's path, or the keyset's JSON. */
    static String forLaunch(Optional<String> configured, Path dataFolder, boolean embeddedDatabase) {
        SecretsKeyConfiguration.Resolved resolved;
        try {
            resolved = SecretsKeyConfiguration.resolve(configured, dataFolder, embeddedDatabase);
            new TinkSecretCipher(resolved.source()); // a key that cannot be read stops the start here, not mid-command
        } catch (SecretsKeyException e) {
            // The operator's to fix, like any other setting: one line and the usage-error exit code.
            throw new InvalidConfigurationException(e.getMessage());
        }
        if (resolved.source() instanceof KeysetSource.FromFile file) {
            if (resolved.generated()) {
                LOG.info("Generated the secrets key in {} (mode 0600): back it up, stored secrets cannot be read without it;"
                        + " set PLUGBOARD_SECRETS_KEY to use another", file.file());
            } else {
                LOG.info("Secret settings are encrypted with the key in {}", file.file());
            }
            return file.file().toString();
        }
        LOG.info("Secret settings are encrypted with the key given inline in PLUGBOARD_SECRETS_KEY");
        return configured.orElseThrow().strip();
    }
}
