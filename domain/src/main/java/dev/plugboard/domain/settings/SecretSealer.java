package dev.plugboard.domain.settings;

/**
 * Encrypts and decrypts one secret value, bound to where it lives. Implemented outside the domain
 * (Tink in the server); the domain decides what is secret, never how it is encrypted.
 */
public interface SecretSealer {

    /** The ciphertext of {@code valueJson}, the JSON text of the value at {@code pointer}. */
    String seal(String pointer, String valueJson);

    /** The JSON text that {@link #seal} sealed at {@code pointer}; fails for a ciphertext sealed elsewhere. */
    String open(String pointer, String sealed);
}
