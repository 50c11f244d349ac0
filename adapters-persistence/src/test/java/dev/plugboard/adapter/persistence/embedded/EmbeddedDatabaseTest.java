package dev.plugboard.adapter.persistence.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server keeps its data in a folder across restarts and crashes, and is shared by the processes that open it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    private final List<EmbeddedDatabase> opened = new ArrayList<>();
    private Process child;

    @AfterEach
    void stopEverything() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        // A server left behind by a killed process has nobody to stop it but us.
        Path pgData = folder.resolve("pgdata");
        PostmasterPidFile.read(pgData).filter(file -> ServerProcesses.isServer(file.pid())).ifPresent(file -> {
            ProcessHandle.of(file.pid()).ifPresent(ProcessHandle::destroy);
            waitUntil(() -> !ServerProcesses.isServer(file.pid()), Duration.ofSeconds(30));
        });
    }

    @Test
    void givenDataWritten_stopAndStartAgain_keepsIt() throws Exception {
        EmbeddedDatabase first = open();
        assertThat(first.startedHere()).isTrue();
        assertThat(first.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + first.port() + "/plugboard" + "?");
        write(first, "before the restart");
        first.close();
        assertThat(folder.resolve("pgdata").resolve("postmaster.pid")).doesNotExist();

        EmbeddedDatabase second = open();

        assertThat(second.startedHere()).isTrue();
        assertThat(notes(second)).containsExactly("before the restart");
        assertThat(setting(second, "fsync")).isEqualTo("on");
    }

    @Test
    void givenServerKilledWithSigkill_nextStartRemovesTheStalePidFileAndKeepsTheData() throws Exception {
        EmbeddedDatabase crashed = open();
        write(crashed, "committed before the crash");
        PostmasterPidFile pidFile = PostmasterPidFile.read(folder.resolve("pgdata")).orElseThrow();
        ProcessHandle.of(pidFile.pid()).orElseThrow().destroyForcibly();
        waitUntil(() -> !ServerProcesses.isServer(pidFile.pid()), Duration.ofSeconds(30));
        crashed.close(); // what is left of it: the library's lock on the folder, as if the JVM had gone too
        assertThat(pidFile.file()).exists();

        EmbeddedDatabase restarted = open();

        assertThat(restarted.startedHere()).isTrue();
        assertThat(notes(restarted)).containsExactly("committed before the crash");
        EmbeddedDatabasePasswordTest.assertRefusedWithoutPassword(restarted);
        assertThat(PostmasterPidFile.read(folder.resolve("pgdata")).orElseThrow().pid()).isNotEqualTo(pidFile.pid());
    }

    @Test
    void givenPidFileOfAProcessThatIsGone_startWorks() throws Exception {
        EmbeddedDatabase first = open();
        write(first, "kept");
        first.close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = folder.resolve("pgdata").resolve("postmaster.pid");
        Files.writeString(pidFile, gone.pid() + "\n" + folder.resolve("pgdata") + "\n1700000000\n5999\n/tmp\nlocalhost\n"
                + "  1234567     0\nready   \n");

        EmbeddedDatabase restarted = open();

        assertThat(restarted.startedHere()).isTrue();
        assertThat(notes(restarted)).containsExactly("kept");
    }

    @Test
    void givenRunningServer_secondOpenOfTheFolderConnectsToItInsteadOfStartingAnother() throws Exception {
        EmbeddedDatabase first = open();

        EmbeddedDatabase second = open();
        write(second, "through the second");
        second.close();

        assertThat(second.startedHere()).isFalse();
        assertThat(second.owns()).as("its starter runs: the server is not the second's to stop").isFalse();
        assertThat(second.port()).isEqualTo(first.port());
        assertThat(notes(first)).as("the server is still up after the second let go").containsExactly("through the second");
    }

    @Test
    void givenOtherJvmKilledWhileItsServerRuns_nextOpenTakesItOver_andItsCloseStopsIt() throws Exception {
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseChild.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        String ready = awaitReady(child);
        assertThat(ready).endsWith(" true");
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        EmbeddedDatabase afterCrash = open();

        assertThat(afterCrash.startedHere()).isFalse();
        assertThat(afterCrash.owns()).as("the process that started the server is gone: the next one owns it").isTrue();
        assertThat(ready).startsWith("READY " + afterCrash.port() + " ");
        assertThat(notes(afterCrash)).containsExactly("written by the child");
        long postmaster = PostmasterPidFile.read(folder.resolve("pgdata")).orElseThrow().pid();

        afterCrash.close();

        assertThatThrownBy(() -> connect(afterCrash).close()).as("the server taken over is stopped").isInstanceOf(SQLException.class);
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("no orphaned postmaster").isEmpty();
        EmbeddedDatabase again = open();
        assertThat(again.startedHere()).as("the next start starts it afresh").isTrue();
        assertThat(notes(again)).containsExactly("written by the child");
    }

    @Test
    void givenAnotherProcessStillConnected_closeByTheStarter_leavesTheServerUpUntilItIsGone() throws Exception {
        EmbeddedDatabase starter = open();
        assertThat(starter.startedHere()).isTrue();
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseChild.class.getName(), folder.toString(), "hold")
                .redirectErrorStream(true).start();
        assertThat(awaitReady(child)).endsWith(" false holding");

        starter.close();

        assertThat(notes(starter)).containsExactly("written by the child");
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        waitUntil(() -> {
            try {
                starter.close();
                connect(starter).close();
                return false;
            } catch (SQLException stopped) {
                return true;
            }
        }, Duration.ofSeconds(30));
    }

    @Test
    void givenBadOptions_theMessageNamesTheValueAndWhatToDo() {
        assertThatThrownBy(() -> EmbeddedDatabase.Options.in(folder).withDatabase("Plug-Board"))
                .hasMessageContaining("'Plug-Board'").hasMessageContaining("lowercase letters");
        assertThatThrownBy(() -> EmbeddedDatabase.Options.in(folder).withPort(70000))
                .hasMessageContaining("70000").hasMessageContaining("0 for any free one");
    }

    private EmbeddedDatabase open() {
        EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder)
                .withStartupTimeout(Duration.ofSeconds(120)));
        opened.add(database);
        return database;
    }

    private static void write(EmbeddedDatabase database, String text) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (text text NOT NULL)");
            statement.execute("INSERT INTO notes VALUES ('" + text + "')");
        }
    }

    private static List<String> notes(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM notes")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }

    private static String setting(EmbeddedDatabase database, String name) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static String awaitReady(Process process) throws IOException {
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
                output.add(line);
            }
        }
        throw new AssertionError("the child JVM ended without opening the database:" + File.separator
                + String.join(System.lineSeparator(), output));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting after " + timeout);
            }
            ServerProcesses.sleep(Duration.ofMillis(100));
        }
    }
}
