package dev.plugboard.adapter.persistence.jdbc;

import jakarta.inject.Singleton;

import java.util.List;

/**
 * Reads the backlog an operator watches, per plugin and summed over all owners (owners are never
 * reported one by one): pending runs with the age of the oldest, and open circuits. Each read is one
 * grouped query on an indexed column, meant to be called every few seconds, never per scrape.
 */
@Singleton
public final class JdbcBacklog {

    /** Pending runs of one plugin, with the age in seconds of the oldest one. */
    public record Pending(String plugin, long count, double oldestAgeSeconds) {
    }

    /** Open circuits of one plugin, across owners. */
    public record OpenCircuits(String plugin, long count) {
    }

    private final Sql sql;

    public JdbcBacklog(Sql sql) {
        this.sql = sql;
    }

    /**
     * Every catalog plugin, with zero when nothing is pending, so that its series exists before the
     * first backlog; the age is measured by the database's own clock.
     */
    public List<Pending> pending() {
        return sql.list("SELECT p.name, count(r.id), COALESCE(EXTRACT(EPOCH FROM (now() - min(r.created_at))), 0)::float8"
                        + " FROM plugins p LEFT JOIN plugin_runs r ON r.plugin_id = p.id AND r.status = 'pending'"
                        + " GROUP BY p.name",
                row -> new Pending(row.getString(1), row.getLong(2), Math.max(0, row.getDouble(3))));
    }

    /** Every catalog plugin with its open circuits (half-open ones are probing, so not counted), zero included. */
    public List<OpenCircuits> openCircuits() {
        return sql.list("SELECT p.name, count(c.id) FROM plugins p"
                        + " LEFT JOIN circuits c ON c.plugin_id = p.id AND c.state = 'open' GROUP BY p.name",
                row -> new OpenCircuits(row.getString(1), row.getLong(2)));
    }
}
