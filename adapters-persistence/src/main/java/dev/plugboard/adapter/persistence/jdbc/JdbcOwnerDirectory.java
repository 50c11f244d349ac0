package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.domain.owner.Owner;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Users and organizations in their own tables, inserted the first time they are seen. */
@Singleton
public final class JdbcOwnerDirectory implements OwnerDirectory {

    private final Sql sql;

    public JdbcOwnerDirectory(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void ensureExists(Owner owner, Instant now) {
        String table = owner.kind() == Owner.Kind.USER ? "users" : "organizations";
        // ON CONFLICT rather than a read first: two first requests of one owner may race.
        sql.update("INSERT INTO " + table + " (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", owner.id(), now);
    }

    /** The owner's row, locked (FOR UPDATE) until the transaction ends: concurrent installs of one owner queue here. */
    @Override
    public void lockForChanges(Owner owner, Instant now) {
        ensureExists(owner, now);
        String table = owner.kind() == Owner.Kind.USER ? "users" : "organizations";
        sql.one("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE", row -> row.getString("id"), owner.id());
    }
}
