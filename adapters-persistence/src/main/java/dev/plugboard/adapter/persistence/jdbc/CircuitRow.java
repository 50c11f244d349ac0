package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.plugin.PluginName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/** One row of {@code circuits}, with its plugin's name in place of the plugin's row id. */
record CircuitRow(String userId, String organizationId, String plugin, String state, int consecutiveFailures,
                  int trialsInFlight, Instant openUntil, long successes, long failures, long rejections,
                  Instant lastFailureAt, Instant updatedAt) {

    /** The columns {@link #read} reads: a circuit {@code c} joined to its plugin {@code p}. */
    static final String COLUMNS = "c.user_id, c.organization_id, p.name AS plugin, c.state, c.consecutive_failures, "
            + "c.trials_in_flight, c.open_until, c.successes, c.failures, c.rejections, c.last_failure_at, c.updated_at";

    static CircuitRow from(Circuit circuit) {
        return new CircuitRow(Owners.userId(circuit.owner()), Owners.organizationId(circuit.owner()),
                circuit.plugin().value(), column(circuit.state()), circuit.consecutiveFailures(),
                circuit.trialsInFlight(), circuit.openUntil().orElse(null), circuit.successes(), circuit.failures(),
                circuit.rejections(), circuit.lastFailureAt().orElse(null), circuit.updatedAt());
    }

    static CircuitRow read(ResultSet row) throws SQLException {
        return new CircuitRow(row.getString("user_id"), row.getString("organization_id"), row.getString("plugin"),
                row.getString("state"), row.getInt("consecutive_failures"), row.getInt("trials_in_flight"),
                Sql.instant(row, "open_until"), row.getLong("successes"), row.getLong("failures"),
                row.getLong("rejections"), Sql.instant(row, "last_failure_at"), Sql.instant(row, "updated_at"));
    }

    Circuit toDomain() {
        return Circuit.reconstitute(Owners.of(userId, organizationId), PluginName.of(plugin),
                CircuitState.valueOf(state.toUpperCase(Locale.ROOT)), consecutiveFailures, trialsInFlight, openUntil,
                successes, failures, rejections, lastFailureAt, updatedAt);
    }

    /** The column's spelling: {@code closed}, {@code open}, {@code half_open} (the wire name has a hyphen). */
    static String column(CircuitState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
