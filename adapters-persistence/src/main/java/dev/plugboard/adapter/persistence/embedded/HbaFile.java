package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server's {@code pg_hba.conf}: whether it lets anyone in without a password (as initdb and
 * older Plugboard versions left it), and the password-only version Plugboard writes instead.
 */
final class HbaFile {

    static final String NAME = "pg_hba.conf";
    /** Methods that let a client in without proving it knows the password. */
    private static final Set<String> WITHOUT_PASSWORD = Set.of("trust", "password", "ident", "peer");

    static final String SCRAM_ONLY = """
            # Written by Plugboard: every connection proves it knows the password (scram-sha-256).
            # The password is in the file db-password beside this pgdata folder; see docs/security/database.md.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            """;

    private HbaFile() {
    }

    /** Whether some line of the file admits a client without a password (a missing file counts: initdb writes trust). */
    static boolean admitsWithoutPassword(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return true;
        }
        return lines.stream().map(HbaFile::method).anyMatch(WITHOUT_PASSWORD::contains);
    }

    /** The authentication method of a rule line ("local DB USER METHOD" or "host DB USER ADDRESS METHOD"); "" otherwise. */
    private static String method(String line) {
        int comment = line.indexOf('#');
        String[] fields = (comment < 0 ? line : line.substring(0, comment)).strip().split("\\s+");
        if (fields.length < 4) {
            return "";
        }
        int index = fields[0].equals("local") ? 3 : 4;
        // A host line may give the mask as a separate field: "host all all 127.0.0.1 255.255.255.255 trust".
        if (index < fields.length && !fields[0].equals("local") && fields[index].matches("[0-9.:a-fA-F]+")
                && fields.length > index + 1) {
            index++;
        }
        return index < fields.length ? fields[index].toLowerCase(Locale.ROOT) : "";
    }

    /** Whether the file holds exactly Plugboard's rules. */
    static boolean isScramOnly(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(NAME);
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(SCRAM_ONLY);
    }

    /** Replaces the file by {@link #SCRAM_ONLY} through a rename, so a crash leaves the old file or the new one whole. */
    static void writeScramOnly(Path dataDirectory) throws IOException {
        OwnerOnlyFile.write(dataDirectory.resolve(NAME), dataDirectory.resolve(NAME + ".plugboard-tmp"), SCRAM_ONLY, true);
    }
}
