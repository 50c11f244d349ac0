package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs plain SQL through Micronaut Data's {@link JdbcOperations}: on the connection of the current
 * transaction when there is one, on a connection of its own (auto-commit) otherwise. Each statement
 * is a {@link PreparedStatement} of constant text, so the driver's per-connection statement cache
 * (pgjdbc: server-side prepared from the fifth use) serves it again.
 */
@Singleton
public final class Sql {

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A statement's own WITH, which the INSERT joins as its first query ({@code RECURSIVE} kept in front). */
    private static final java.util.regex.Pattern LEADING_WITH =
            java.util.regex.Pattern.compile("\\s*WITH\\s+(RECURSIVE\\s+)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** An INSERT waiting to go with the next statement of this thread, see {@link #withInsertAhead}. */
    private record Ahead(String insert, Object[] params) {
        String before(String statement) {
            // A data-modifying WITH runs exactly once, whatever the main statement reads or writes.
            java.util.regex.Matcher with = LEADING_WITH.matcher(statement);
            if (!with.lookingAt()) {
                return "WITH ahead AS (" + insert + ") " + statement;
            }
            String recursive = with.group(1) == null ? "" : "RECURSIVE ";
            return "WITH " + recursive + "ahead AS (" + insert + "), " + statement.substring(with.end());
        }
    }

    private final JdbcOperations jdbc;
    private final ThreadLocal<Ahead> ahead = new ThreadLocal<>();

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> list(String sql, RowReader<T> reader, Object... params) {
        return run(sql, params, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowReader<T> reader, Object... params) {
        List<T> rows = list(sql, reader, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row but got " + rows.size() + " from: " + sql);
        }
        return rows.stream().findFirst();
    }

    /** Executes an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    /**
     * Runs {@code work} with {@code insert} sent along the first statement {@code work} sends from
     * this thread, as a data-modifying CTE of it: one round trip for both, and the INSERT written
     * whether or not the statement then matches rows (so use it inside a transaction that a refusal
     * rolls back). When {@code work} sends no statement, the INSERT goes alone after it; when
     * {@code work} throws before sending one, it is dropped.
     */
    public <T> T withInsertAhead(String insert, Object[] params, Supplier<T> work) {
        if (ahead.get() != null) {
            throw new IllegalStateException("an INSERT is already waiting for the next statement");
        }
        ahead.set(new Ahead(insert, params));
        try {
            T result = work.get();
            Ahead unsent = ahead.get();
            if (unsent != null) {
                ahead.remove();
                update(unsent.insert(), unsent.params());
            }
            return result;
        } finally {
            ahead.remove();
        }
    }

    /**
     * Executes one INSERT, UPDATE or DELETE once for each row of parameters, as one JDBC batch (the
     * driver sends it in one go instead of a round trip per row); returns the rows each touched.
     */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try {
            return jdbc.execute(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Object[] params : rows) {
                        for (int i = 0; i < params.length; i++) {
                            bind(connection, statement, i + 1, params[i]);
                        }
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                }
            });
        } catch (DataAccessException e) {
            throw UniqueViolation.from(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String statement, Object[] given, StatementWork<T> work) {
        Ahead pending = ahead.get();
        String sql = statement;
        Object[] params = given;
        if (pending != null) {
            ahead.remove();
            sql = pending.before(statement);
            params = new Object[pending.params().length + given.length];
            System.arraycopy(pending.params(), 0, params, 0, pending.params().length);
            System.arraycopy(given, 0, params, pending.params().length, given.length);
        }
        return execute(sql, params, work);
    }

    private <T> T execute(String sql, Object[] params, StatementWork<T> work) {
        try {
            return jdbc.execute(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        bind(connection, statement, i + 1, params[i]);
                    }
                    return work.run(statement);
                }
            });
        } catch (DataAccessException e) {
            throw UniqueViolation.from(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof UUID) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " to SQL parameter " + index);
        }
    }

    /** A timestamptz column as an Instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
