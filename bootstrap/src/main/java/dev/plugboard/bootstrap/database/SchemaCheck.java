package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.persistence.jdbc.SchemaVersion;
import jakarta.inject.Singleton;

/**
 * For the commands that use the schema as it is: refuses to run against a schema older than this
 * Plugboard's migrations, with what to do, instead of migrating it behind the operator's back or
 * failing later on a missing column. One query on Flyway's history; writes nothing.
 */
@Singleton
public final class SchemaCheck {

    private final SchemaVersion schema;

    SchemaCheck(SchemaVersion schema) {
        this.schema = schema;
    }

    /** @throws SchemaOutdatedException when migrations are pending */
    public void requireCurrent() {
        int needed = SchemaVersion.CURRENT;
        schema.applied().ifPresentOrElse(version -> {
            if (version < needed) {
                throw new SchemaOutdatedException("the database schema is at version " + version
                        + ", older than this Plugboard's " + needed + advice());
            }
        }, () -> {
            throw new SchemaOutdatedException("the database has no Plugboard schema yet (this Plugboard's is version "
                    + needed + ")" + advice());
        });
    }

    private static String advice() {
        return "; run `plugboard db migrate` (or start the server with `plugboard serve`, which migrates), then try again";
    }

    /** The schema is older than the code: the operator migrates it on purpose. */
    public static final class SchemaOutdatedException extends RuntimeException {
        SchemaOutdatedException(String message) {
            super(message);
        }
    }
}
