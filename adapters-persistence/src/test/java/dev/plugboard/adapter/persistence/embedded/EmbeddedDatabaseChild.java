package dev.plugboard.adapter.persistence.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A separate JVM for {@link EmbeddedDatabaseTest}: opens the embedded database of the folder in
 * {@code args[0]}, writes a row, says "READY" and waits to be killed.
 */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (text text NOT NULL)");
            statement.execute("INSERT INTO notes VALUES ('written by the child')");
        }
        System.out.println("READY " + database.port() + " " + database.startedHere());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
