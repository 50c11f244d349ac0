package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.owner.Owner;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How an owner is stored: installations and runs name it in exactly one of {@code user_id} and
 * {@code organization_id}, so every owner-scoped query filters on the column of the owner's kind.
 */
final class Owners {

    private Owners() {
    }

    /** The column that holds owners of this kind; never user input, so safe to put into SQL. */
    static String column(Owner owner) {
        return owner.kind() == Owner.Kind.USER ? "user_id" : "organization_id";
    }

    static String userId(Owner owner) {
        return owner.kind() == Owner.Kind.USER ? owner.id() : null;
    }

    static String organizationId(Owner owner) {
        return owner.kind() == Owner.Kind.ORGANIZATION ? owner.id() : null;
    }

    static Owner of(String userId, String organizationId) {
        return userId != null ? Owner.user(userId) : Owner.organization(organizationId);
    }

    static Owner read(ResultSet row, String userColumn, String organizationColumn) throws SQLException {
        return of(row.getString(userColumn), row.getString(organizationColumn));
    }
}
