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
        // "hold": keep a connection open, like a server that joined the database.
        Connection held = args.length > 1 && args[1].equals("hold")
                ? DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()) : null;
        System.out.println("READY " + database.port() + " " + database.startedHere() + (held == null ? "" : " holding"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
