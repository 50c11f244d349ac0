package dev.plugboard.adapter.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides where the secrets key comes from: {@code PLUGBOARD_SECRETS_KEY} (a keyset file's path,
 * or the keyset's JSON inline); with none, the embedded default keeps a generated key in the data
 * folder; with an external database and none, there is no safe default and the start is refused.
 */
public final class SecretsKeyConfiguration {

    /** The generated key's file name in the data folder. */
    public static final String DEFAULT_FILE = "secrets-keyset.json";

    private SecretsKeyConfiguration() {
    }

    /** What was decided, and whether a new key was generated (worth a log line saying where). */
    public record Resolved(KeysetSource source, boolean generated) {
    }

    public static Resolved resolve(Optional<String> configured, Path dataDir, boolean embeddedDatabase) {
        Optional<String> value = configured.map(String::strip).filter(text -> !text.isEmpty());
        if (value.isPresent()) {
            return new Resolved(KeysetSource.of(value.get()), false);
        }
        if (!embeddedDatabase) {
            throw new SecretsKeyException("PLUGBOARD_SECRETS_KEY is not set: with an external database Plugboard needs"
                    + " a secrets key; create one with 'plugboard secrets new-key > /secure/path/keyset.json'"
                    + " (keep it 0600) and set PLUGBOARD_SECRETS_KEY=/secure/path/keyset.json");
        }
        Path file = dataDir.resolve(DEFAULT_FILE).toAbsolutePath().normalize();
        boolean generated = false;
        if (!Files.exists(file)) {
            KeysetSource.FromFile.write(file, TinkSecretCipher.newKeysetJson());
            generated = true;
        }
        return new Resolved(new KeysetSource.FromFile(file), generated);
    }
}
