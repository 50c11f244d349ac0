package dev.plugboard.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler's side of {@link RunsVersusDbScheduler}: one-time no-op tasks on the same PostgreSQL,
 * its default polling strategy with the same poll interval and as many threads as Plugboard's slots.
 */
final class DbSchedulerDrain implements RunsVersusDbScheduler.Contender {

    private final HikariDataSource dataSource;
    private final int threads;
    private final Duration pollInterval;
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicLong startedAt = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    private final OneTimeTask<Void> noop = Tasks.oneTime("bench-noop").execute((instance, context) -> {
        startedAt.set(System.nanoTime());
        executed.incrementAndGet();
    });

    DbSchedulerDrain(String url, String user, String password, int threads, Duration pollInterval) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(threads + 2);
        this.dataSource = new HikariDataSource(config);
        this.threads = threads;
        this.pollInterval = pollInterval;
        // The table of db-scheduler's README for PostgreSQL.
        execute("CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL,"
                + " task_data bytea, execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by text,"
                + " last_success timestamptz, last_failure timestamptz, consecutive_failures int, last_heartbeat timestamptz,"
                + " version bigint NOT NULL, priority smallint, PRIMARY KEY (task_name, task_instance))");
        execute("CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)");
        execute("CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        execute("CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Scheduler scheduler() {
        Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollingInterval(pollInterval).build();
        scheduler.start();
        return scheduler;
    }

    @Override
    public String name() {
        return "db-scheduler";
    }

    @Override
    public double drain(int runs, Runnable queued) {
        Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollingInterval(pollInterval).build();
        for (int i = 0; i < runs; i++) {
            scheduler.schedule(noop.instance("t" + ids.incrementAndGet()), Instant.now());
        }
        queued.run();
        int target = executed.get() + runs;
        long start = System.nanoTime();
        scheduler.start();
        try {
            RunsVersusDbScheduler.spinUntil(() -> executed.get() >= target && scheduler.getCurrentlyExecuting().isEmpty());
            return runs / ((System.nanoTime() - start) / 1e9);
        } finally {
            scheduler.stop();
        }
    }

    @Override
    public List<Double> startLatencies(int samples) {
        Scheduler scheduler = scheduler();
        try {
            RunsVersusDbScheduler.pause(500);
            return RunsVersusDbScheduler.latencies(samples, () -> {
                int before = executed.get();
                long queued = System.nanoTime();
                scheduler.schedule(noop.instance("t" + ids.incrementAndGet()), Instant.now());
                RunsVersusDbScheduler.spinUntil(() -> executed.get() > before);
                return (startedAt.get() - queued) / 1e6;
            });
        } finally {
            scheduler.stop();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
