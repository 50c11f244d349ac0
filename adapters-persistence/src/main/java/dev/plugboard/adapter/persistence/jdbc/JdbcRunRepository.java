package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunAttempt;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run ledger in PostgreSQL, always queried through the owner, newest first with keyset paging.
 * Every update also keeps the attempt history in {@code plugin_run_attempts}, and writes the run's
 * execution state (lease, available-at) along with the rest. {@link JdbcRunQueue} reads the same
 * table across owners.
 */
@Singleton
public final class JdbcRunRepository implements RunRepository {

    static final String SELECT = "SELECT " + RunRow.COLUMNS
            + " FROM plugin_runs r JOIN plugins p ON p.id = r.plugin_id";

    private final Sql sql;
    private final RunAttemptRepository attempts;
    private final JdbcOwnerDirectory owners;
    private final RunBatches batches;

    public JdbcRunRepository(Sql sql, RunAttemptRepository attempts, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.batches = new RunBatches(sql);
        this.attempts = attempts;
        this.owners = owners;
    }

    @Override
    public Optional<PluginRun> find(Owner owner, RunId id) {
        return sql.one(SELECT + " WHERE r.id = ? AND r." + Owners.column(owner) + " = ?", RunRow::read,
                id.value(), owner.id()).map(RunRow::toDomain);
    }

    @Override
    public Optional<PluginRun> findByIdempotencyKey(Owner owner, String idempotencyKey) {
        return sql.one(SELECT + " WHERE r." + Owners.column(owner) + " = ? AND r.idempotency_key = ?", RunRow::read,
                owner.id(), idempotencyKey).map(RunRow::toDomain);
    }

    @Override
    public Page<PluginRun> search(Owner owner, RunFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of("r." + Owners.column(owner) + " = ?"));
        List<Object> params = new ArrayList<>(List.of(owner.id()));
        filter.status().ifPresent(status -> {
            conditions.add("r.status = ?");
            params.add(status.wireName());
        });
        filter.plugin().ifPresent(plugin -> {
            conditions.add("r.plugin_id = (SELECT id FROM plugins WHERE name = ?)");
            params.add(plugin.value());
        });
        page.after().map(Cursor.TimeAndId::decode).ifPresent(after -> {
            conditions.add("(r.created_at, r.id) < (?, ?)");
            params.add(after.at());
            params.add(after.id());
        });
        params.add(page.limit() + 1);
        List<PluginRun> fetched = sql.list(SELECT + " WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?", RunRow::read, params.toArray())
                .stream().map(RunRow::toDomain).toList();
        return Page.fromOverfetched(fetched, page.limit(), run -> Cursor.TimeAndId.encode(run.createdAt(), run.id().value()));
    }

    @Override
    public PluginRun add(PluginRun run) {
        RunRow row = RunRow.from(run);
        // The owner row the foreign key needs; the use cases provision it already, other callers need not.
        owners.ensureExists(run.owner(), run.createdAt());
        int inserted;
        try {
            inserted = sql.update("INSERT INTO plugin_runs (id, user_id, organization_id, plugin_id, trigger, status, input, "
                            + "output, error_code, error_message, attempt, idempotency_key, created_at, started_at, "
                            + "completed_at, version, lease_holder, lease_expires_at, available_at, settings_overlay, trace_context, "
                            + "environment) SELECT ?, ?, ?, p.id, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?::jsonb, ?, ? "
                            + "FROM plugins p WHERE p.name = ?",
                    row.id(), row.userId(), row.organizationId(), row.trigger(), row.status(), row.input(), row.output(),
                    row.errorCode(), row.errorMessage(), row.attempt(), row.idempotencyKey(), row.createdAt(),
                    row.startedAt(), row.completedAt(), row.leaseHolder(), row.leaseExpiresAt(), row.availableAt(),
                    row.settingsOverlay(), row.traceContext(), row.environment(), row.plugin());
        } catch (UniqueViolation e) {
            // Two requests with one idempotency key raced; the loser retries and then finds the winner's run.
            if (e.constraint().endsWith("_idempotency_key")) {
                throw new ConcurrencyConflictException("run", "with idempotency key '" + row.idempotencyKey() + "'", 0);
            }
            throw e;
        }
        if (inserted == 0) {
            throw new PluginNotFoundException(row.plugin());
        }
        recordAttempt(run);
        if (run.status() == RunStatus.PENDING) {
            // Delivered on commit to every listening executor (PgRunWakeups); repeated in one transaction, it is sent once.
            sql.one("SELECT pg_notify(?, '')", result -> 1, PgRunWakeups.CHANNEL);
        }
        return run.withVersion(0);
    }

    @Override
    public PluginRun update(PluginRun run) {
        if (sql.update(RunBatches.UPDATE + Owners.column(run.owner()) + " = ? AND version = ?",
                RunBatches.updateParameters(run)) == 0) {
            throw new ConcurrencyConflictException("run", run.id().toString(), run.version());
        }
        recordAttempt(run);
        return run.withVersion(run.version() + 1);
    }

    /** Several runs as JDBC batches (runs, attempts opened, attempts closed); a single run as {@link #update}. */
    @Override
    public List<PluginRun> updateAll(List<PluginRun> runs) {
        return runs.size() == 1 ? List.of(update(runs.get(0))) : batches.update(runs);
    }

    /**
     * Runs just claimed, each provided it still has its version, as one batch of updates and one of
     * attempts opened: a claim of several runs costs two round trips, not two per run.
     *
     * @throws ConcurrencyConflictException when someone else wrote one of them first
     */
    List<PluginRun> updateClaimed(List<PluginRun> claimed) {
        for (PluginRun run : claimed) {
            if (run.status() != RunStatus.PROCESSING || run.attempt() == 0) {
                throw new IllegalArgumentException("run " + run.id() + " is " + run.status() + ", not just claimed");
            }
        }
        return batches.update(claimed);
    }

    /** The attempts of the owner's run as stored, first to last; empty for another owner's run. */
    public List<RunAttemptRow> attemptRows(Owner owner, RunId id) {
        return attempts.findByOwner(id.value(), Owners.userId(owner), Owners.organizationId(owner));
    }

    @Override
    public List<RunAttempt> attempts(Owner owner, RunId id) {
        return attemptRows(owner, id).stream().map(RunAttemptRow::toDomain).toList();
    }

    /** Opens the attempt a run starts and closes it when the run leaves processing; earlier attempts stay as they were. */
    private void recordAttempt(PluginRun run) {
        if (run.attempt() == 0) {
            return;
        }
        if (run.status() == RunStatus.PROCESSING) {
            attempts.open(run.id().value(), run.attempt(), run.startedAt().orElse(run.createdAt()),
                    run.lease().map(Lease::holder).orElse(null));
        } else {
            attempts.close(run.id().value(), run.attempt(), RunBatches.closedAs(run.status()), run.completedAt().orElse(null),
                    run.error().map(RunError::code).orElse(null), run.error().map(RunError::message).orElse(null));
        }
    }

}
