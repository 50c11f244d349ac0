package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded server's superuser password, kept in the data folder readable by its owner only:
 * generated once from {@link SecureRandom}, then read by every process that opens the folder.
 */
final class PasswordFile {

    static final String NAME = "db-password";
    private static final int BYTES = 32; // 256 bits: far beyond guessing, even offline against the SCRAM verifier

    private PasswordFile() {
    }

    static Path of(Path folder) {
        return folder.resolve(NAME);
    }

    /** The password of the folder, generated and stored first if there is none yet. */
    static String loadOrCreate(Path folder) throws IOException {
        Optional<String> existing = read(folder);
        return existing.isPresent() ? existing.get() : create(folder);
    }

    /** The stored password; empty when the folder has none. */
    static Optional<String> read(Path folder) throws IOException {
        Path file = of(folder);
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        requireOwnerOnly(file);
        if (password.isEmpty()) {
            throw new EmbeddedDatabaseException("the database password file " + file + " is empty; restore it from a backup"
                    + " (see docs/security/database.md for how to set a new password)");
        }
        return Optional.of(password);
    }

    /**
     * Writes a new password to a temporary file created owner-only, then renames it into place: a
     * crash leaves either no password file or a complete one, never a readable or half-written one.
     */
    private static String create(Path folder) throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        // URL-safe Base64: no quote or backslash, so it survives every connection-string syntax.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFile.write(of(folder), folder.resolve(NAME + ".tmp"), password + "\n", false);
        return password;
    }

    /** Refuses a password file others can read, as ssh refuses such a key: the password may have leaked. */
    private static void requireOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
            throw new EmbeddedDatabaseException("the database password file " + file + " is open to others ("
                    + PosixFilePermissions.toString(permissions) + "); run 'chmod 600 " + file + "' and start again");
        }
    }
}
