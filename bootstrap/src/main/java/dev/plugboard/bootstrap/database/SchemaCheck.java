package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.cli.DatabaseAdmin;
import dev.plugboard.adapter.cli.DatabaseAdmin.DatabaseInfo;
import dev.plugboard.adapter.cli.DatabaseAdmin.Migration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * For the commands that use the schema as it is: refuses to run against a schema older than this
 * Plugboard's migrations, with what to do, instead of migrating it behind the operator's back or
 * failing later on a missing column. Reads Flyway's history only; writes nothing.
 */
@Singleton
public final class SchemaCheck {

    private final DatabaseAdmin admin;

    SchemaCheck(DatabaseAdmin admin) {
        this.admin = admin;
    }

    /** @throws SchemaOutdatedException when migrations are pending */
    public void requireCurrent() {
        DatabaseInfo info = admin.info();
        List<Migration> pending = info.pending();
        if (pending.isEmpty()) {
            return;
        }
        String needed = pending.get(pending.size() - 1).version();
        throw new SchemaOutdatedException(info.schemaVersion()
                .map(version -> "the database schema is at version " + version + ", older than this Plugboard's " + needed)
                .orElse("the database has no Plugboard schema yet (this Plugboard's is version " + needed + ")")
                + "; run `plugboard db migrate` (or start the server with `plugboard serve`, which migrates), then try again");
    }

    /** The schema is older than the code: the operator migrates it on purpose. */
    public static final class SchemaOutdatedException extends RuntimeException {
        SchemaOutdatedException(String message) {
            super(message);
        }
    }
}
