package dev.plugboard.adapter.secrets;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;

/**
 * Where the Tink keyset of the secrets key lives: a file (which rotation rewrites, atomically and
 * readable by its owner only) or JSON given inline (which cannot be rewritten here).
 */
public abstract sealed class KeysetSource {

    /** Reads the keyset; the message of a failure names the source, never key material. */
    abstract KeysetHandle load();

    /** A token that changes when the keyset may have changed (a file's modification time). */
    abstract Optional<Object> version();

    /** Stores a rotated keyset. */
    abstract void save(KeysetHandle keyset);

    /** Says where the key is, for logs and errors. */
    public abstract String describe();

    /** The keyset of {@code PLUGBOARD_SECRETS_KEY}: its JSON given inline, or the path of its file. */
    public static KeysetSource of(String configured) {
        String value = configured.strip();
        return value.startsWith("{") ? new Inline(value) : new FromFile(java.nio.file.Path.of(value));
    }

    static KeysetHandle parse(String json, String where) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SecretsKeyException(where + " is not a Tink keyset in JSON (" + e.getClass().getSimpleName()
                    + "); create one with 'plugboard secrets new-key > FILE'");
        }
    }

    static String serialize(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise the keyset", e);
        }
    }

    /** A keyset in a file. */
    public static final class FromFile extends KeysetSource {
        private final Path file;

        public FromFile(Path file) {
            this.file = file.toAbsolutePath().normalize();
        }

        public Path file() {
            return file;
        }

        @Override
        KeysetHandle load() {
            if (!Files.isRegularFile(file)) {
                throw new SecretsKeyException("the secrets key file " + file + " does not exist; set PLUGBOARD_SECRETS_KEY"
                        + " to an existing Tink keyset file, or create one with 'plugboard secrets new-key > FILE'");
            }
            requireOwnerOnly(file);
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8), "the secrets key file " + file);
            } catch (IOException e) {
                throw new SecretsKeyException("cannot read the secrets key file " + file + ": " + e.getMessage());
            }
        }

        @Override
        Optional<Object> version() {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                return Optional.of(modified.toMillis() + ":" + Files.size(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        void save(KeysetHandle keyset) {
            write(file, serialize(keyset));
        }

        /** Writes {@code json} readable by its owner only, on disk before it replaces the file atomically. */
        static void write(Path file, String json) {
            try {
                Path dir = file.getParent();
                Files.createDirectories(dir);
                Path temp = ownerOnlyTempFile(dir);
                try {
                    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                        channel.force(true);
                    }
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                        directory.force(true);
                    } catch (IOException ignored) {
                        // Not every file system lets a directory be synced; the rename itself is atomic.
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the secrets key file " + file, e);
            }
        }

        /** A new file readable by its owner only; where there are no POSIX modes (Windows), the folder's access rules apply. */
        private static Path ownerOnlyTempFile(Path dir) throws IOException {
            try {
                return Files.createTempFile(dir, ".keyset", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                return Files.createTempFile(dir, ".keyset", ".tmp");
            }
        }

        /** Runs {@code change} holding an exclusive lock that other processes rotating the same file respect. */
        <T> T locked(java.util.function.Supplier<T> change) {
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            // A file lock excludes other processes; within this one, threads queue on the path first.
            synchronized (IN_PROCESS.computeIfAbsent(lock, path -> new Object())) {
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = channel.lock()) {
                    return change.get();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot lock the secrets key file " + file, e);
                }
            }
        }

        private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_PROCESS =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static void requireOwnerOnly(Path file) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                        || permission.name().startsWith("OTHERS"))) {
                    throw new SecretsKeyException("the secrets key file " + file + " can be read by others ("
                            + PosixFilePermissions.toString(permissions) + "); run 'chmod 600 " + file + "'");
                }
            } catch (UnsupportedOperationException | IOException e) {
                // No POSIX permissions here (another file system): nothing to check.
            }
        }

        @Override
        public String describe() {
            return "the file " + file;
        }
    }

    /** A keyset given inline, as JSON. */
    public static final class Inline extends KeysetSource {
        private final String json;

        public Inline(String json) {
            this.json = json;
        }

        @Override
        KeysetHandle load() {
            return parse(json, "PLUGBOARD_SECRETS_KEY");
        }

        @Override
        Optional<Object> version() {
            return Optional.of(0);
        }

        @Override
        void save(KeysetHandle keyset) {
            throw new SecretsKeyException("the secrets key is given inline in PLUGBOARD_SECRETS_KEY, which Plugboard cannot"
                    + " rewrite; put the keyset in a file (0600), point PLUGBOARD_SECRETS_KEY at it, and rotate again");
        }

        @Override
        public String describe() {
            return "PLUGBOARD_SECRETS_KEY (inline)";
        }
    }
}
