package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.Require;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The secret values of one installation, each encrypted on its own and keyed by its JSON pointer.
 * Holds ciphertexts only: nothing here can be shown or logged in clear. The pointers are kept with
 * the installation, so a value stored as secret stays secret even if a later version of the
 * plugin's schema stops marking its field {@code writeOnly}.
 */
public final class SealedSecrets {

    private static final SealedSecrets NONE = new SealedSecrets(Map.of());

    private final Map<String, String> byPointer;

    private SealedSecrets(Map<String, String> byPointer) {
        this.byPointer = byPointer;
    }

    public static SealedSecrets none() {
        return NONE;
    }

    /** Rebuilds sealed secrets from storage: pointer to ciphertext. */
    public static SealedSecrets of(Map<String, String> byPointer) {
        Require.present("sealed secrets", byPointer);
        byPointer.forEach((pointer, sealed) -> {
            JsonPointers.tokens(pointer);
            Require.nonBlank("sealed secret at " + pointer, sealed);
        });
        return byPointer.isEmpty() ? NONE : new SealedSecrets(java.util.Collections.unmodifiableMap(new TreeMap<>(byPointer)));
    }

    /** Pointer to ciphertext, in pointer order. */
    public Map<String, String> asMap() {
        return byPointer;
    }

    public Set<String> pointers() {
        return byPointer.keySet();
    }

    public boolean isEmpty() {
        return byPointer.isEmpty();
    }

    /** The same secrets, each ciphertext replaced by {@code reseal(pointer, ciphertext)}: for key rotation. */
    public SealedSecrets resealed(BiFunction<String, String, String> reseal) {
        Map<String, String> next = new TreeMap<>();
        byPointer.forEach((pointer, sealed) -> next.put(pointer, reseal.apply(pointer, sealed)));
        return of(next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecrets that && byPointer.equals(that.byPointer);
    }

    @Override
    public int hashCode() {
        return byPointer.hashCode();
    }

    /** Names the pointers only, never a ciphertext. */
    @Override
    public String toString() {
        return "SealedSecrets" + byPointer.keySet();
    }
}
