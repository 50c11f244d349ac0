package dev.plugboard.adapter.persistence.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server asks every client for the folder's password, listens on 127.0.0.1 only, and upgrades older folders. */
class EmbeddedDatabasePasswordTest {

    /** pg_hba.conf as initdb and Plugboard before passwords left it: everyone local is trusted. */
    private static final String OLD_TRUST_HBA = """
            local   all             all                                     trust
            host    all             all             127.0.0.1/32            trust
            host    all             all             ::1/128                 trust
            local   replication     all                                     trust
            host    replication     all             127.0.0.1/32            trust
            host    replication     all             ::1/128                 trust
            """;

    @TempDir
    Path folder;

    private final List<EmbeddedDatabase> opened = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void givenNewFolder_start_refusesEveryConnectionWithoutTheRightPassword() throws Exception {
        EmbeddedDatabase database = open();
        String password = database.password();

        assertThat(password).hasSizeGreaterThanOrEqualTo(43).isEqualTo(Files.readString(passwordFile()).strip());
        assertRefusedWithoutPassword(database);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.user(), "wrong-" + password))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed")
                .hasMessageNotContaining(password);
        assertThat(query(database, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")).startsWith("SCRAM-SHA-256$");
        assertThat(query(database, "SHOW password_encryption")).isEqualTo("scram-sha-256");
    }

    @Test
    void givenNewFolder_start_keepsThePasswordOwnerOnlyAndNoTrustRuleInPgHba() throws Exception {
        open();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile()))).isEqualTo("rw-------");
        List<String> rules = Files.readAllLines(folder.resolve("pgdata").resolve("pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(Files.readString(folder.resolve("pgdata").resolve("pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void givenRunningServer_itListensOn127001Only() throws Exception {
        EmbeddedDatabase database = open();

        assertThat(query(database, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + database.port() + "/");
        // All of 127.0.0.0/8 is this machine: a server bound to every address would answer on 127.0.0.2 too.
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.2", database.port()), 2000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void givenFolderOfAnOlderVersionThatTrustsEveryone_start_upgradesItInPlaceAndKeepsTheData() throws Exception {
        makeOldStyle("written before passwords");
        assertThat(passwordFile()).doesNotExist();

        EmbeddedDatabase upgraded;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // where the tests' slf4j-simple writes
        try {
            upgraded = open();
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        stderr.print(logged);
        assertThat(logged).containsOnlyOnce("Upgraded the embedded PostgreSQL of " + folder.toAbsolutePath().normalize())
                .doesNotContain(upgraded.password());

        assertThat(upgraded.startedHere()).isTrue();
        assertThat(query(upgraded, "SELECT string_agg(text, ',') FROM notes")).isEqualTo("written before passwords");
        assertThat(Files.readString(passwordFile()).strip()).isEqualTo(upgraded.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(folder.resolve("pgdata").resolve("pg_hba.conf"))).doesNotContain("trust");
        assertRefusedWithoutPassword(upgraded);
        assertThat(query(upgraded, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void givenUpgradeCutShortByACrashBeforePgHbaWasReplaced_nextStartFinishesIt() throws Exception {
        makeOldStyle("kept through the crash");
        // What a crash leaves after the password file was written and the role's password set, mid-way through pg_hba.conf.
        String password = PasswordFile.loadOrCreate(folder);
        Files.writeString(folder.resolve("pgdata").resolve("pg_hba.conf.plugboard-tmp"), "host all all 127.0.0.1/32 scr");
        Files.writeString(folder.resolve(PasswordFile.NAME + ".tmp"), "half a passw");

        EmbeddedDatabase resumed = open();

        assertThat(resumed.password()).isEqualTo(password);
        assertThat(query(resumed, "SELECT string_agg(text, ',') FROM notes")).isEqualTo("kept through the crash");
        assertRefusedWithoutPassword(resumed);
        assertThat(folder.resolve("pgdata").resolve("pg_hba.conf.plugboard-tmp")).doesNotExist();
    }

    @Test
    void givenOlderServerStillRunning_joining_usesItAsItIs_andTheNextStartUpgradesIt() throws Exception {
        EmbeddedDatabase older = open();
        // What a server of an older version is: trusting every local client, with no password file beside it.
        Files.writeString(folder.resolve("pgdata").resolve("pg_hba.conf"), OLD_TRUST_HBA);
        query(older, "SELECT pg_reload_conf()::text");
        Files.delete(passwordFile());

        EmbeddedDatabase joined = open();

        assertThat(joined.startedHere()).isFalse();
        assertThat(query(joined, "SELECT 'joined'")).isEqualTo("joined");
        assertThat(Files.readString(folder.resolve("pgdata").resolve("pg_hba.conf"))).as("not upgraded under its users")
                .contains("trust");
        joined.close();
        older.close();
        opened.clear();

        EmbeddedDatabase upgraded = open();

        assertThat(upgraded.startedHere()).isTrue();
        assertThat(upgraded.password()).isEqualTo(joined.password());
        assertRefusedWithoutPassword(upgraded);
    }

    @Test
    void givenPasswordFileLost_start_namesTheFile_andTheDocumentedRecoverySetsANewPassword() throws Exception {
        EmbeddedDatabase first = open();
        String lost = first.password();
        first.close();
        opened.clear();
        Files.delete(passwordFile());

        assertThatThrownBy(this::open).isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining(passwordFile().toString()).hasMessageContaining("docs/security/database.md");
        assertThat(passwordFile()).as("no new password that the server would not accept").doesNotExist();

        // docs/security/database.md, "Lost password": trust the 127.0.0.1 line for one start.
        Path hba = folder.resolve("pgdata").resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replaceFirst("(host\\s+all\\s+all\\s+127\\.0\\.0\\.1/32\\s+)scram-sha-256",
                "$1trust"));
        EmbeddedDatabase recovered = open();

        assertThat(recovered.password()).isNotEqualTo(lost);
        assertRefusedWithoutPassword(recovered);
        assertThat(Files.readString(hba)).doesNotContain("trust");
    }

    @Test
    void givenPasswordFileChangedWhileTheServerRuns_joining_saysWhichFileTheServerRefuses() throws Exception {
        EmbeddedDatabase running = open();
        Files.writeString(passwordFile(), "not-the-password-of-this-server\n");

        assertThatThrownBy(this::open).isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("refuses the password in " + passwordFile())
                .hasMessageNotContaining("not-the-password-of-this-server")
                .hasMessageNotContaining(running.password());
    }

    @Test
    void givenPasswordFileReadableByOthers_start_refusesAndSaysHowToFixIt() throws Exception {
        open().close();
        opened.clear();
        Files.setPosixFilePermissions(passwordFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::open).isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("chmod 600 " + passwordFile());
    }

    /** Refused without a password, whether the driver has none to send or sends an empty one. */
    static void assertRefusedWithoutPassword(EmbeddedDatabase database) {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.user(), ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl() + "&user=" + database.user()))
                .isInstanceOf(SQLException.class);
    }

    /** A folder as Plugboard before passwords left it: data, no password file, no role password, pg_hba.conf trusting all. */
    private void makeOldStyle(String note) throws Exception {
        EmbeddedDatabase current = open();
        try (Connection connection = connect(current); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text text NOT NULL)");
            statement.execute("INSERT INTO notes VALUES ('" + note + "')");
            statement.execute("ALTER SYSTEM RESET ALL");
            statement.execute("ALTER ROLE postgres PASSWORD NULL");
        }
        current.close();
        opened.clear();
        Files.writeString(folder.resolve("pgdata").resolve("pg_hba.conf"), OLD_TRUST_HBA);
        Files.delete(passwordFile());
    }

    private Path passwordFile() {
        return folder.resolve(PasswordFile.NAME);
    }

    private EmbeddedDatabase open() {
        EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder).withDurable(false)
                .withStartupTimeout(Duration.ofSeconds(120)));
        opened.add(database);
        return database;
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
