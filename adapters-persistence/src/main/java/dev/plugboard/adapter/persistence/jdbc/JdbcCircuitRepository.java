package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Circuit breakers in PostgreSQL, one row per owner and plugin. {@link #lock} takes the row lock
 * that serializes the decisions of every executor on every instance until the caller's
 * transaction ends.
 */
@Singleton
public final class JdbcCircuitRepository implements CircuitRepository {

    private static final String FROM = " FROM circuits c JOIN plugins p ON p.id = c.plugin_id";
    /** The idle clean-up may delete the row between our insert and our lock; then we insert again. */
    private static final int LOCK_TRIES = 3;

    private final Sql sql;
    private final JdbcOwnerDirectory owners;

    public JdbcCircuitRepository(Sql sql, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.owners = owners;
    }

    /**
     * Locks the circuit ({@code FOR UPDATE}); when there is none yet, creates the closed circuit
     * first ({@code ON CONFLICT DO NOTHING}, so concurrent first uses do not fail) and locks it.
     * An existing circuit, the usual case, costs one statement. Outside a transaction the lock
     * ends with the statement.
     *
     * @throws PluginNotFoundException when the plugin is not in the catalog
     */
    @Override
    public Circuit lock(Owner owner, PluginName plugin, Instant now) {
        Optional<Circuit> existing = locked(owner, plugin);
        if (existing.isPresent()) {
            return existing.get();
        }
        owners.ensureExists(owner, now);
        String column = Owners.column(owner);
        for (int i = 0; i < LOCK_TRIES; i++) {
            sql.update("INSERT INTO circuits (" + column + ", plugin_id, state, updated_at) "
                    + "SELECT ?, p.id, 'closed', ? FROM plugins p WHERE p.name = ? ON CONFLICT DO NOTHING",
                    owner.id(), now, plugin.value());
            Optional<Circuit> created = locked(owner, plugin);
            if (created.isPresent()) {
                return created.get();
            }
            if (sql.one("SELECT 1 FROM plugins WHERE name = ?", row -> true, plugin.value()).isEmpty()) {
                throw new PluginNotFoundException(plugin.value());
            }
        }
        throw new IllegalStateException("the circuit of " + owner + "/" + plugin
                + " kept disappearing while it was being locked");
    }

    private Optional<Circuit> locked(Owner owner, PluginName plugin) {
        return sql.one("SELECT " + CircuitRow.COLUMNS + FROM + " WHERE c." + Owners.column(owner)
                + " = ? AND p.name = ? FOR UPDATE OF c", CircuitRow::read, owner.id(), plugin.value()).map(CircuitRow::toDomain);
    }

    /** The same condition as {@link Circuit#isHealthy()}, and the same change as {@code count} calls of {@link Circuit#recordSuccess}, in one statement. */
    @Override
    public boolean recordSuccessesIfHealthy(Owner owner, PluginName plugin, int count, Instant now) {
        return sql.update("UPDATE circuits c SET successes = c.successes + ?, updated_at = ? FROM plugins p"
                + " WHERE p.id = c.plugin_id AND c." + Owners.column(owner) + " = ? AND p.name = ?"
                + " AND c.state = 'closed' AND c.consecutive_failures = 0 AND c.trials_in_flight = 0 AND c.open_until IS NULL",
                count, now, owner.id(), plugin.value()) > 0;
    }

    @Override
    public Optional<Circuit> peek(Owner owner, PluginName plugin) {
        return sql.one("SELECT " + CircuitRow.COLUMNS + FROM + " WHERE c." + Owners.column(owner) + " = ? AND p.name = ?",
                CircuitRow::read, owner.id(), plugin.value()).map(CircuitRow::toDomain);
    }

    /** Overwrites the circuit, creating it when it is not stored (an administrator's forced state). */
    @Override
    public void save(Circuit circuit) {
        CircuitRow row = CircuitRow.from(circuit);
        String column = Owners.column(circuit.owner());
        int updated = sql.update("UPDATE circuits c SET state = ?, consecutive_failures = ?, trials_in_flight = ?, "
                        + "open_until = ?, successes = ?, failures = ?, rejections = ?, last_failure_at = ?, updated_at = ? "
                        + "FROM plugins p WHERE p.id = c.plugin_id AND c." + column + " = ? AND p.name = ?",
                row.state(), row.consecutiveFailures(), row.trialsInFlight(), row.openUntil(), row.successes(),
                row.failures(), row.rejections(), row.lastFailureAt(), row.updatedAt(), circuit.owner().id(),
                row.plugin());
        if (updated > 0) {
            return;
        }
        owners.ensureExists(circuit.owner(), circuit.updatedAt());
        int inserted = sql.update("INSERT INTO circuits (" + column + ", plugin_id, state, consecutive_failures, "
                        + "trials_in_flight, open_until, successes, failures, rejections, last_failure_at, updated_at) "
                        + "SELECT ?, p.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM plugins p WHERE p.name = ? "
                        + "ON CONFLICT (" + column + ", plugin_id) WHERE " + column + " IS NOT NULL DO UPDATE SET "
                        + "state = EXCLUDED.state, consecutive_failures = EXCLUDED.consecutive_failures, "
                        + "trials_in_flight = EXCLUDED.trials_in_flight, open_until = EXCLUDED.open_until, "
                        + "successes = EXCLUDED.successes, failures = EXCLUDED.failures, rejections = EXCLUDED.rejections, "
                        + "last_failure_at = EXCLUDED.last_failure_at, updated_at = EXCLUDED.updated_at",
                circuit.owner().id(), row.state(), row.consecutiveFailures(), row.trialsInFlight(), row.openUntil(),
                row.successes(), row.failures(), row.rejections(), row.lastFailureAt(), row.updatedAt(), row.plugin());
        if (inserted == 0) {
            throw new PluginNotFoundException(row.plugin());
        }
    }

    @Override
    public List<Circuit> findByOwner(Owner owner) {
        return sql.list("SELECT " + CircuitRow.COLUMNS + FROM + " WHERE c." + Owners.column(owner) + " = ? ORDER BY p.name",
                CircuitRow::read, owner.id()).stream().map(CircuitRow::toDomain).toList();
    }

    /** Skips circuits an executor holds locked right now: they are in use, so not idle. */
    @Override
    public int deleteIdle(Instant before) {
        return sql.update("DELETE FROM circuits WHERE id IN (SELECT id FROM circuits WHERE state = 'closed' "
                + "AND consecutive_failures = 0 AND updated_at < ? FOR UPDATE SKIP LOCKED)", before);
    }
}
