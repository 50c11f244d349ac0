package dev.plugboard.application.port.out;

import dev.plugboard.domain.settings.SecretUnreadableException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encrypts secret settings one value at a time (authenticated encryption, the value's place as
 * associated data), and rotates the key. The server's adapter uses Tink; the in-memory one keeps
 * values in process memory only.
 */
public interface SecretCipher {

    /** Where a secret lives; bound into its ciphertext so that a copy elsewhere fails to open. */
    record SecretScope(UUID installation, String pointer) {

        public byte[] associatedData() {
            return ("plugboard/installation/" + installation + "#" + pointer).getBytes(StandardCharsets.UTF_8);
        }
    }

    String seal(String plaintext, SecretScope scope);

    /** @throws SecretUnreadableException for a wrong key, a tampered value, or a value sealed for another scope */
    String open(String sealed, SecretScope scope);

    /** Whether {@code sealed} was sealed with the current primary key (nothing to re-encrypt). */
    boolean sealedWithPrimaryKey(String sealed);

    /**
     * Adds a new primary key (the old ones stay, to open what they sealed) and returns its id.
     *
     * @throws IllegalStateException naming what to do when the key cannot be changed here
     */
    String rotateKey();
}
