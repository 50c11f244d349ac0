package dev.plugboard.adapter.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.domain.settings.SecretUnreadableException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals secret settings with Tink's AEAD (AES-256-GCM), the value's installation and JSON pointer
 * as associated data. The keyset is re-read when its file changes, so that a key rotated by
 * {@code plugboard secrets rotate} in another process is picked up by a running server.
 */
public final class TinkSecretCipher implements SecretCipher {

    /** Marks the format of a sealed value: Tink ciphertext (key id prefix included), base64. */
    private static final String PREFIX = "tink1:";
    private static final long RECHECK_MILLIS = 1000;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Loaded(KeysetHandle keyset, Aead aead, int primaryKeyId, Optional<Object> version, long checkedAt) {
    }

    private final KeysetSource source;
    private volatile Loaded loaded;

    public TinkSecretCipher(KeysetSource source) {
        this.source = source;
        this.loaded = load();
    }

    /** A new keyset with one AES-256-GCM key, as JSON: what {@code plugboard secrets new-key} prints. */
    public static String newKeysetJson() {
        try {
            return KeysetSource.serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key", e);
        }
    }

    private Loaded load() {
        Optional<Object> version = source.version();
        KeysetHandle keyset = source.load();
        try {
            Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new Loaded(keyset, aead, keyset.getPrimary().getId(), version, System.currentTimeMillis());
        } catch (GeneralSecurityException e) {
            throw new SecretsKeyException("the secrets key in " + source.describe() + " holds no AEAD key usable for"
                    + " AES-256-GCM (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Loaded current() {
        Loaded now = loaded;
        if (System.currentTimeMillis() - now.checkedAt() >= RECHECK_MILLIS) {
            now = reloadIfChanged(now);
        }
        return now;
    }

    private synchronized Loaded reloadIfChanged(Loaded seen) {
        Loaded now = loaded;
        if (now != seen) {
            return now;
        }
        Optional<Object> version = source.version();
        loaded = version.isPresent() && !version.equals(now.version()) ? load()
                : new Loaded(now.keyset(), now.aead(), now.primaryKeyId(), now.version(), System.currentTimeMillis());
        return loaded;
    }

    @Override
    public String seal(String plaintext, SecretScope scope) {
        try {
            byte[] sealed = current().aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), scope.associatedData());
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret of installation " + scope.installation(), e);
        }
    }

    @Override
    public String open(String sealed, SecretScope scope) {
        byte[] ciphertext = decode(sealed).orElseThrow(() -> unreadable(scope, "not a Plugboard ciphertext"));
        try {
            return decrypt(current(), ciphertext, scope);
        } catch (GeneralSecurityException first) {
            // A key rotated by another process may not be loaded yet: look at the keyset again once.
            Loaded fresh = reloadIfChanged(loaded);
            try {
                return decrypt(fresh, ciphertext, scope);
            } catch (GeneralSecurityException e) {
                throw unreadable(scope, "no key of the keyset opens it for this installation and field");
            }
        }
    }

    private static String decrypt(Loaded keys, byte[] ciphertext, SecretScope scope) throws GeneralSecurityException {
        return new String(keys.aead().decrypt(ciphertext, scope.associatedData()), StandardCharsets.UTF_8);
    }

    @Override
    public boolean sealedWithPrimaryKey(String sealed) {
        return decode(sealed)
                .filter(bytes -> bytes.length > 5 && bytes[0] == 1)
                .map(bytes -> ByteBuffer.wrap(bytes, 1, 4).getInt() == current().primaryKeyId())
                .orElse(false);
    }

    @Override
    public synchronized String rotateKey() {
        if (!(source instanceof KeysetSource.FromFile file)) {
            source.save(null); // refuses, saying why
            throw new IllegalStateException("unreachable");
        }
        // Read, add and write under a lock across processes: two rotations at once must not drop a key.
        return file.locked(() -> {
            Loaded now = load();
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(now.keyset())
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId().makePrimary())
                        .build();
                source.save(rotated);
                loaded = load();
                return Integer.toUnsignedString(loaded.primaryKeyId());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot add a key to the keyset in " + source.describe(), e);
            }
        });
    }

    /** The primary key's id, as {@link #rotateKey} reports it. */
    public String primaryKeyId() {
        return Integer.toUnsignedString(current().primaryKeyId());
    }

    private static Optional<byte[]> decode(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(sealed.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SecretUnreadableException unreadable(SecretScope scope, String reason) {
        return new SecretUnreadableException(scope.installation().toString(), scope.pointer(), reason);
    }
}
