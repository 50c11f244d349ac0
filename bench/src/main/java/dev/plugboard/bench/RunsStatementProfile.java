package dev.plugboard.bench;

import dev.plugboard.bootstrap.PlugboardApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The database side of P3's profile: what each drained run costs in statements and transactions,
 * counted by PostgreSQL's own {@code pg_stat_statements} and {@code pg_stat_database}, for
 * Plugboard and for db-scheduler on the same embedded server. It starts the server once to switch
 * {@code pg_stat_statements} on ({@code ALTER SYSTEM}), then again on the same folder, drains
 * {@code runs} no-op runs with each side after resetting the counters, and prints per run the
 * calls of each statement, most frequent first:
 * <pre>java -cp bench/target/benchmarks.jar dev.plugboard.bench.RunsStatementProfile 1000 4</pre>
 */
public final class RunsStatementProfile {

    private RunsStatementProfile() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path folder = Files.createTempDirectory("plugboard-bench-profile");
        Files.createDirectories(folder.resolve("plugins"));
        Map<String, Object> settings = Map.of(
                "plugboard.data-dir", folder.toString(), "plugboard.plugins-dir", folder.resolve("plugins").toString(),
                "plugboard.jwt.secret", "bench-secret-of-at-least-thirty-two-bytes-long", "micronaut.server.port", -1,
                "plugboard.execution.enabled", false, "plugboard.rollups.enabled", false, "plugboard.retention.enabled", false);
        try (PlugboardApplication first = PlugboardApplication.start(settings)) {
            sql(first, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        }
        try (PlugboardApplication server = PlugboardApplication.start(settings)) {
            sql(server, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            var environment = server.context().getEnvironment();
            Duration poll = Duration.ofMillis(250);
            try (RunsVersusDbScheduler.Contender plugboard = new PlugboardDrain(server.context(), concurrency, poll);
                 RunsVersusDbScheduler.Contender peer = new DbSchedulerDrain(
                         environment.getRequiredProperty("datasources.default.url", String.class),
                         environment.getProperty("datasources.default.username", String.class).orElse(""),
                         environment.getProperty("datasources.default.password", String.class).orElse(""), concurrency, poll)) {
                for (RunsVersusDbScheduler.Contender side : new RunsVersusDbScheduler.Contender[] {plugboard, peer}) {
                    side.drain(runs / 4); // warm-up
                    RunsVersusDbScheduler.pause(300);
                    double rate = side.drain(runs, () -> {
                        // Only the drain counts: the runs are queued already.
                        RunsVersusDbScheduler.pause(300);
                        sql(server, "SELECT pg_stat_statements_reset()");
                        sql(server, "SELECT pg_stat_reset()");
                    });
                    RunsVersusDbScheduler.pause(300);
                    System.out.printf(Locale.ROOT, "%n## %s: %d runs, %.0f runs/s%n%n", side.name(), runs, rate);
                    print(server, runs);
                }
            }
        }
        System.exit(0);
    }

    private static void print(PlugboardApplication server, int runs) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback AS tx FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
                row.next();
                System.out.printf(Locale.ROOT, "transactions per run: %.2f%n%n", row.getLong("tx") / (double) runs);
            }
            System.out.println("| calls per run | ms per run | statement |");
            System.out.println("|---|---|---|");
            double total = 0;
            try (ResultSet rows = statement.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements"
                    + " WHERE query NOT LIKE '%pg_stat%' ORDER BY calls DESC")) {
                while (rows.next()) {
                    double calls = rows.getLong("calls") / (double) runs;
                    total += calls;
                    if (calls >= 0.01) {
                        String query = rows.getString("query").replaceAll("\\s+", " ");
                        System.out.printf(Locale.ROOT, "| %.2f | %.3f | `%s` |%n", calls, rows.getDouble("total_exec_time") / runs,
                                query.length() > 140 ? query.substring(0, 140) + "…" : query);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%nstatements per run: %.2f%n", total);
        }
    }

    private static void sql(PlugboardApplication server, String sql) {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(PlugboardApplication server) throws SQLException {
        var environment = server.context().getEnvironment();
        return DriverManager.getConnection(environment.getRequiredProperty("datasources.default.url", String.class),
                environment.getProperty("datasources.default.username", String.class).orElse(""),
                environment.getProperty("datasources.default.password", String.class).orElse(""));
    }
}
