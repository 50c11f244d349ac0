package dev.plugboard.bench;

import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.operations.MetricsRollups;
import dev.plugboard.bootstrap.PlugboardApplication;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The hourly rollup's cost on the real server and its embedded PostgreSQL: one hour holding
 * {@link #RUNS} finished runs (each with an attempt, spread over every catalog plugin and
 * {@link #USERS} users, a tenth failed) is rolled up {@link #REPEATS} times through the server's
 * own {@link MetricsRollups}; the median time is the job's work for that hour.
 */
final class RollupCost {

    static final int RUNS = 100_000;
    static final int USERS = 1_000;
    private static final int REPEATS = 5;

    record Result(int runs, int plugins, double medianMillis) {
        /** The rollup's time as a share of the hour it summarizes (it runs once an hour, on one instance). */
        double shareOfTheHour() {
            return medianMillis / 3_600_000.0;
        }
    }

    private RollupCost() {
    }

    static Result measure() {
        Path folder;
        try {
            folder = Files.createTempDirectory("plugboard-bench-rollup");
            Files.createDirectories(folder.resolve("plugins"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.println("rollup: starting the server on an embedded PostgreSQL in " + folder);
        try (PlugboardApplication server = PlugboardApplication.start(Map.of(
                "plugboard.data-dir", folder.toString(), "plugboard.plugins-dir", folder.resolve("plugins").toString(),
                "plugboard.jwt.secret", "bench-secret-of-at-least-thirty-two-bytes-long", "micronaut.server.port", -1,
                // The server's own job would roll up the same hour at the same time; here we time that work ourselves.
                "plugboard.rollups.enabled", false, "plugboard.retention.enabled", false))) {
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
            MetricsRollups rollups = server.context().getBean(MetricsRollups.class);
            TransactionBoundary transactions = server.context().getBean(TransactionBoundary.class);
            DataSource dataSource = server.context().getBean(DataSource.class);
            int plugins = transactions.inTransaction(() -> seed(dataSource, hour));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                long start = System.nanoTime();
                transactions.inTransaction(() -> rollups.rollUp(hour, Instant.now()));
                millis.add((System.nanoTime() - start) / 1e6);
                System.err.printf("rollup %d/%d: %.0f ms%n", i + 1, REPEATS, millis.get(i));
            }
            Collections.sort(millis);
            return new Result(RUNS, plugins, millis.get(REPEATS / 2));
        }
    }

    /**
     * Inserts the hour's runs and attempts in one statement each, on the transaction's connection (the
     * server's data source hands that out; the transaction commits it); answers over how many plugins they spread.
     */
    private static int seed(DataSource dataSource, Instant hour) {
        System.err.println("rollup: seeding " + RUNS + " finished runs into one hour");
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement users = connection.prepareStatement(
                    "INSERT INTO users (id) SELECT 'bench-user-' || n FROM generate_series(1, ?) n ON CONFLICT DO NOTHING");
                 PreparedStatement runs = connection.prepareStatement(
                    "INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, error_code, error_message, attempt,"
                            + " created_at, started_at, completed_at, available_at)"
                            + " SELECT gen_random_uuid(), 'bench-user-' || (1 + n % ?), p.id, 'manual',"
                            + "  CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'completed' END,"
                            + "  CASE WHEN n % 10 = 0 THEN 'TIMEOUT' END, CASE WHEN n % 10 = 0 THEN 'timed out' END, 1,"
                            + "  ?::timestamptz + (n % 3600) * interval '1 second',"
                            + "  ?::timestamptz + (n % 3600) * interval '1 second',"
                            + "  ?::timestamptz + (n % 3600) * interval '1 second' + (n % 997) * interval '1 millisecond',"
                            + "  ?::timestamptz"
                            + " FROM generate_series(1, ?) n"
                            + " JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS c FROM plugins) p"
                            + "  ON p.k = n % p.c");
                 PreparedStatement attempts = connection.prepareStatement(
                    "INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, finished_at, cpu_time_ms, peak_memory_bytes)"
                            + " SELECT id, 1, status, started_at, completed_at, 5, 50000000 FROM plugin_runs");
                 PreparedStatement count = connection.prepareStatement("SELECT count(DISTINCT plugin_id) FROM plugin_runs")) {
                users.setInt(1, USERS);
                users.executeUpdate();
                Timestamp at = Timestamp.from(hour);
                runs.setInt(1, USERS);
                runs.setTimestamp(2, at);
                runs.setTimestamp(3, at);
                runs.setTimestamp(4, at);
                runs.setTimestamp(5, at);
                runs.setInt(6, RUNS);
                runs.executeUpdate();
                attempts.executeUpdate();
                try (var result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the rollup benchmark failed: " + e.getMessage(), e);
        }
    }
}
