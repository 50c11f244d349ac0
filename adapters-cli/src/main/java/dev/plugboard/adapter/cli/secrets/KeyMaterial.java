package dev.plugboard.adapter.cli.secrets;

/** Makes new key material for {@code secrets new-key}; bootstrap provides it with Tink. */
public interface KeyMaterial {

    /** A new keyset with one AES-256-GCM key, as Tink's JSON. */
    String newKeysetJson();
}
