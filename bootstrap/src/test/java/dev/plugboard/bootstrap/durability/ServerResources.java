package dev.plugboard.bootstrap.durability;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;

import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * What a server process holds, as an operator would look from outside: heap in use right after a
 * full GC ({@code jcmd GC.run}, then {@code jstat -gc}), its live threads and open file descriptors
 * ({@code /proc/<pid>}), and its connections to PostgreSQL ({@code pg_stat_activity}).
 */
final class ServerResources implements AutoCloseable {

    /** One look at the server. */
    record Sample(Duration at, long heapAfterGcKb, int threads, int fileDescriptors, int databaseConnections, int writes) {

        String row() {
            return "| %d:%02d | %.1f | %d | %d | %d | %d |".formatted(at.toMinutes(), at.toSecondsPart(),
                    heapAfterGcKb / 1024.0, threads, fileDescriptors, databaseConnections, writes);
        }
    }

    private final long pid;
    private final EmbeddedDatabase database;

    /** The server {@code pid} on the embedded PostgreSQL of {@code dataFolder}, joined (never stopped) here. */
    ServerResources(long pid, Path dataFolder) {
        this.pid = pid;
        this.database = EmbeddedDatabase.start(dataFolder);
    }

    Sample sample(Duration at, int writes) throws IOException, InterruptedException, SQLException {
        return new Sample(at, heapAfterGcKb(), threads(), fileDescriptors(), databaseConnections(), writes);
    }

    /**
     * The old generation in use right after a full GC: what survived it. The whole heap's "used" would
     * also count what the load allocated in the second between the GC and the look.
     */
    private long heapAfterGcKb() throws IOException, InterruptedException {
        tool("jcmd", Long.toString(pid), "GC.run");
        List<String> lines = tool("jstat", "-gc", Long.toString(pid)).strip().lines().toList();
        List<String> names = List.of(lines.get(0).strip().split("\\s+"));
        String[] values = lines.get(1).strip().split("\\s+");
        return Math.round(Double.parseDouble(values[names.indexOf("OU")]));
    }

    /** Runs a JDK tool ({@code jcmd}, {@code jstat}) and returns its output. */
    private static String tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", name).toString()));
        command.addAll(List.of(args));
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private int threads() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return status.stream().filter(line -> line.startsWith("Threads:"))
                .map(line -> Integer.parseInt(line.substring("Threads:".length()).strip())).findFirst().orElseThrow();
    }

    private int fileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        }
    }

    /** Client connections to the server's database, this one left out. */
    private int databaseConnections() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
            count.next();
            return count.getInt(1);
        }
    }

    @Override
    public void close() {
        database.close(); // joined, not started here: it keeps running for the server
    }
}
