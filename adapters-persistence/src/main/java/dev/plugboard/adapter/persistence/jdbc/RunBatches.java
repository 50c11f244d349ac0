package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Updates of several runs sent as JDBC batches: the runs as one batch, the attempts they open as
 * one more and the attempts they close as another, so that a claim or a batch of finished runs costs
 * a few round trips, not a few per run. {@link JdbcRunRepository} updates single runs with the same
 * statement.
 */
final class RunBatches {

    static final String UPDATE = "UPDATE plugin_runs SET status = ?, output = ?::jsonb, error_code = ?, error_message = ?, "
            + "attempt = ?, started_at = ?, completed_at = ?, lease_holder = ?, lease_expires_at = ?, available_at = ?, "
            + "settings_overlay = ?::jsonb, version = version + 1 WHERE id = ? AND ";

    private static final String OPEN = "INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, worker) "
            + "VALUES (?, ?, 'processing', ?, ?) ON CONFLICT (run_id, attempt) DO NOTHING";

    /** As {@link RunAttemptRepository#close}: only an attempt still open, at the run's completion time or now. */
    private static final String CLOSE = "UPDATE plugin_run_attempts SET status = ?, "
            + "finished_at = COALESCE(CAST(? AS timestamptz), statement_timestamp()), error_code = ?, error_message = ? "
            + "WHERE run_id = ? AND attempt = ? AND finished_at IS NULL";

    private final Sql sql;

    RunBatches(Sql sql) {
        this.sql = sql;
    }

    /**
     * Each run provided it still has its version, then the attempts they open (a run in processing)
     * or close (a run that left it): three round trips for any number of runs.
     *
     * @throws ConcurrencyConflictException naming the first run someone else wrote first
     */
    List<PluginRun> update(List<PluginRun> runs) {
        // The owner column differs between users' and organizations' runs; the id alone names the run.
        int[] updated = sql.batch(UPDATE + "(user_id = ? OR organization_id = ?) AND version = ?", runs.stream()
                .map(run -> eitherOwner(updateParameters(run))).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new ConcurrencyConflictException("run", runs.get(i).id().toString(), runs.get(i).version());
            }
        }
        List<Object[]> opened = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        for (PluginRun run : runs) {
            if (run.attempt() == 0) {
                continue;
            }
            if (run.status() == RunStatus.PROCESSING) {
                opened.add(new Object[] {run.id().value(), run.attempt(), run.startedAt().orElse(run.createdAt()),
                        run.lease().map(Lease::holder).orElse(null)});
            } else {
                closed.add(new Object[] {closedAs(run.status()), run.completedAt().orElse(null),
                        run.error().map(RunError::code).orElse(null), run.error().map(RunError::message).orElse(null),
                        run.id().value(), run.attempt()});
            }
        }
        sql.batch(OPEN, opened);
        sql.batch(CLOSE, closed);
        return runs.stream().map(run -> run.withVersion(run.version() + 1)).toList();
    }

    /** How the current attempt of a run that left processing ended; back to pending means it failed and another is scheduled. */
    static String closedAs(RunStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            case FAILED, PENDING -> "failed";
            case PROCESSING -> throw new IllegalArgumentException("a run in processing has its attempt open");
        };
    }

    static Object[] updateParameters(PluginRun run) {
        RunRow row = RunRow.from(run);
        return new Object[] {row.status(), row.output(), row.errorCode(), row.errorMessage(), row.attempt(), row.startedAt(),
                row.completedAt(), row.leaseHolder(), row.leaseExpiresAt(), row.availableAt(), row.settingsOverlay(), row.id(),
                run.owner().id(), row.version()};
    }

    /** The owner's id twice, for {@code (user_id = ? OR organization_id = ?)}: ids of the two kinds never meet on one run. */
    private static Object[] eitherOwner(Object[] parameters) {
        Object[] widened = new Object[parameters.length + 1];
        System.arraycopy(parameters, 0, widened, 0, parameters.length - 1);
        widened[parameters.length - 1] = parameters[parameters.length - 2];
        widened[parameters.length] = parameters[parameters.length - 1];
        return widened;
    }
}
