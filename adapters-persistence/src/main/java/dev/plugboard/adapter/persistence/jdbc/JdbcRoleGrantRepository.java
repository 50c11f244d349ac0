package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import dev.plugboard.domain.audit.Actor;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Role grants in PostgreSQL, one row per subject and role. Authentication reads them by primary key,
 * through {@link CachedRoleGrantRepository}, whose copies every grant and revoke drops on every instance.
 */
@Singleton
public final class JdbcRoleGrantRepository implements RoleGrantRepository {

    private static final String SELECT = "SELECT subject, role, granted_by_type, granted_by_id, granted_at FROM role_grants";
    private static final String ORDER = " ORDER BY subject, role";

    private final Sql sql;

    public JdbcRoleGrantRepository(Sql sql) {
        this.sql = sql;
    }

    /** {@code ON CONFLICT DO NOTHING}: two administrators granting the same role at once both succeed. */
    @Override
    public boolean add(RoleGrant grant) {
        return sql.update("INSERT INTO role_grants (subject, role, granted_by_type, granted_by_id, granted_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject, role) DO NOTHING",
                grant.subject(), grant.role().wireName(), grant.grantedBy().type().name().toLowerCase(Locale.ROOT),
                grant.grantedBy().id(), grant.grantedAt()) == 1;
    }

    @Override
    public boolean remove(String subject, Role role) {
        return sql.update("DELETE FROM role_grants WHERE subject = ? AND role = ?", subject, role.wireName()) == 1;
    }

    @Override
    public List<RoleGrant> findBySubject(String subject) {
        return sql.list(SELECT + " WHERE subject = ?" + ORDER, JdbcRoleGrantRepository::read, subject);
    }

    @Override
    public List<RoleGrant> findAll() {
        return sql.list(SELECT + ORDER, JdbcRoleGrantRepository::read);
    }

    private static RoleGrant read(ResultSet row) throws SQLException {
        return new RoleGrant(row.getString("subject"), Role.parse(row.getString("role")),
                new Actor(Actor.Type.valueOf(row.getString("granted_by_type").toUpperCase(Locale.ROOT)),
                        row.getString("granted_by_id")),
                Sql.instant(row, "granted_at"));
    }
}
