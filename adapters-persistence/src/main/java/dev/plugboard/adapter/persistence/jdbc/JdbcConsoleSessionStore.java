package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.out.ConsoleSessionStore;
import dev.plugboard.domain.access.Role;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Console links and sessions in PostgreSQL, by the hash of their secret. */
@Singleton
public final class JdbcConsoleSessionStore implements ConsoleSessionStore {

    private static final String COLUMNS = "user_id, organization_id, roles, expires_at";

    private final Sql sql;

    public JdbcConsoleSessionStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Kind kind, String secretHash, ConsoleIdentity identity, Instant expiresAt) {
        sql.update("INSERT INTO console_sessions (secret_hash, kind, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                secretHash, kind.name().toLowerCase(Locale.ROOT), identity.user(), identity.organization().orElse(null),
                identity.roles().stream().map(Role::wireName).sorted().toArray(String[]::new), expiresAt);
    }

    /** {@code DELETE ... RETURNING}: of two exchanges of one link, only one gets a row. */
    @Override
    public Optional<ConsoleIdentity> takeLink(String secretHash, Instant now) {
        return sql.one("DELETE FROM console_sessions WHERE secret_hash = ? AND kind = 'link' AND expires_at > ?"
                + " RETURNING " + COLUMNS, row -> read(row).identity(), secretHash, now);
    }

    @Override
    public Optional<Stored> findSession(String secretHash, Instant now) {
        return sql.one("SELECT " + COLUMNS + " FROM console_sessions WHERE secret_hash = ? AND kind = 'session'"
                + " AND expires_at > ?", JdbcConsoleSessionStore::read, secretHash, now);
    }

    @Override
    public void delete(String secretHash) {
        sql.update("DELETE FROM console_sessions WHERE secret_hash = ?", secretHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.update("DELETE FROM console_sessions WHERE expires_at <= ?", now);
    }

    private static Stored read(ResultSet row) throws SQLException {
        String[] roles = (String[]) row.getArray("roles").getArray();
        return new Stored(new ConsoleIdentity(row.getString("user_id"), Optional.ofNullable(row.getString("organization_id")),
                Arrays.stream(roles).flatMap(role -> Role.find(role).stream()).collect(Collectors.toSet())),
                Sql.instant(row, "expires_at"));
    }
}
