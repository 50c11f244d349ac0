package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.SemanticVersion;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Held plugin versions and the decisions on them in PostgreSQL ({@code plugin_approvals}, V14). */
@Singleton
public final class JdbcPluginApprovalRepository implements PluginApprovalRepository {

    private static final String SELECT = "SELECT plugin, version, status, reason, requested_at, decided_by, decided_at"
            + " FROM plugin_approvals";

    private final Sql sql;

    public JdbcPluginApprovalRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<PluginApproval> find(PluginName plugin, SemanticVersion version) {
        return sql.one(SELECT + " WHERE plugin = ? AND version = ?", JdbcPluginApprovalRepository::read, plugin.value(),
                version.toString());
    }

    @Override
    public Optional<PluginApproval> latest(PluginName plugin) {
        return sql.one(SELECT + " WHERE plugin = ? ORDER BY requested_at DESC, version DESC LIMIT 1",
                JdbcPluginApprovalRepository::read, plugin.value());
    }

    @Override
    public List<PluginApproval> findAll(Optional<PluginApproval.Status> status) {
        return status.isPresent()
                ? sql.list(SELECT + " WHERE status = ? ORDER BY requested_at, plugin", JdbcPluginApprovalRepository::read,
                status.get().wireName())
                : sql.list(SELECT + " ORDER BY requested_at, plugin", JdbcPluginApprovalRepository::read);
    }

    @Override
    public void save(PluginApproval approval) {
        sql.update("INSERT INTO plugin_approvals (plugin, version, status, reason, requested_at, decided_by, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plugin, version) DO UPDATE SET status = EXCLUDED.status,"
                        + " decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at",
                approval.plugin().value(), approval.version().toString(), approval.status().wireName(), approval.reason(),
                approval.requestedAt(), approval.decidedBy().orElse(null), approval.decidedAt().orElse(null));
    }

    private static PluginApproval read(ResultSet row) throws SQLException {
        return new PluginApproval(PluginName.of(row.getString("plugin")), SemanticVersion.parse(row.getString("version")),
                PluginApproval.Status.parse(row.getString("status")), row.getString("reason"),
                Sql.instant(row, "requested_at"), Optional.ofNullable(row.getString("decided_by")),
                Optional.ofNullable(Sql.instant(row, "decided_at")));
    }
}
