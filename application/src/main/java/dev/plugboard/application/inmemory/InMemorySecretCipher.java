package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.domain.settings.SecretUnreadableException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The embedding default: a secret's "ciphertext" is a random handle, and the value stays in this
 * process's memory, bound to its scope. Nothing is ever at rest, so nothing needs a key; an
 * application that stores installations itself passes a real cipher (the server's Tink one).
 * Each scope remembers its last few handles only, so memory does not grow with every update.
 */
public final class InMemorySecretCipher implements SecretCipher {

    private static final int HANDLES_PER_SCOPE = 8;

    private record Held(String plaintext, int key) {
    }

    private final Map<SecretScope, Map<String, Held>> held = new HashMap<>();
    private volatile int primaryKey = 1;

    @Override
    public synchronized String seal(String plaintext, SecretScope scope) {
        int key = primaryKey;
        String handle = "mem:" + key + ":" + UUID.randomUUID();
        held.compute(scope, (ignored, handles) -> {
            Map<String, Held> recent = handles != null ? handles : new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
                    return size() > HANDLES_PER_SCOPE;
                }
            };
            recent.put(handle, new Held(plaintext, key));
            return recent;
        });
        return handle;
    }

    @Override
    public synchronized String open(String sealed, SecretScope scope) {
        Held value = find(sealed, scope);
        if (value == null) {
            throw new SecretUnreadableException(scope.installation().toString(), scope.pointer(),
                    "not sealed for this installation and field");
        }
        return value.plaintext();
    }

    @Override
    public boolean sealedWithPrimaryKey(String sealed) {
        return sealed.startsWith("mem:" + primaryKey + ":");
    }

    @Override
    public synchronized String rotateKey() {
        primaryKey++;
        return String.valueOf(primaryKey);
    }

    private Held find(String sealed, SecretScope scope) {
        Map<String, Held> handles = held.get(scope);
        return handles == null ? null : handles.get(sealed);
    }
}
