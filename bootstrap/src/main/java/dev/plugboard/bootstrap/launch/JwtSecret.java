package dev.plugboard.bootstrap.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The HS256 secret tokens are signed with when none is configured: generated once, kept in the
 * data folder readable by its owner only, and reused by the server and the CLI.
 */
public final class JwtSecret {

    /** The file in the data folder. */
    public static final String FILE = "jwt-secret";
    private static final int BYTES = 48;

    private JwtSecret() {
    }

    public static String loadOrCreate(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        try {
            Files.createDirectories(dataFolder);
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** The secret the server generated in {@code dataFolder}, if it has; never creates one. */
    public static Optional<String> find(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.length() < 32) {
            throw new IllegalStateException("the JWT secret in " + file + " is shorter than 32 characters; "
                    + "delete the file to have a new one generated (tokens signed with the old one stop working)");
        }
        return secret;
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
