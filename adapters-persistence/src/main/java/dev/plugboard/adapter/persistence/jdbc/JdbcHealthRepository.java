package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.monitoring.HealthRepository;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.plugin.PluginName;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Health verdicts in {@code plugin_health}, one row per plugin, going with the plugin. */
@Singleton
public final class JdbcHealthRepository implements HealthRepository {

    private static final String SELECT = "SELECT p.name, h.score, h.state, h.reason, h.last_check_at, h.last_state_change_at "
            + "FROM plugin_health h JOIN plugins p ON p.id = h.plugin_id";

    private final Sql sql;

    public JdbcHealthRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<PluginHealth> find(PluginName plugin) {
        return sql.one(SELECT + " WHERE p.name = ?", JdbcHealthRepository::read, plugin.value());
    }

    @Override
    public List<PluginHealth> findAll() {
        return sql.list(SELECT + " ORDER BY p.name", JdbcHealthRepository::read);
    }

    @Override
    public void save(PluginHealth health) {
        sql.update("INSERT INTO plugin_health (plugin_id, score, state, reason, last_check_at, last_state_change_at) "
                        + "SELECT p.id, ?, ?, ?, ?, ? FROM plugins p WHERE p.name = ? ON CONFLICT (plugin_id) DO UPDATE SET "
                        + "score = EXCLUDED.score, state = EXCLUDED.state, reason = EXCLUDED.reason, "
                        + "last_check_at = EXCLUDED.last_check_at, last_state_change_at = EXCLUDED.last_state_change_at",
                health.score(), health.state().wireName(), health.reason(), health.lastCheck(), health.lastStateChange(),
                health.plugin().value());
    }

    private static PluginHealth read(ResultSet row) throws SQLException {
        return new PluginHealth(PluginName.of(row.getString("name")), row.getInt("score"),
                HealthState.fromWire(row.getString("state")), row.getString("reason"),
                Sql.instant(row, "last_check_at"), Sql.instant(row, "last_state_change_at"));
    }
}
