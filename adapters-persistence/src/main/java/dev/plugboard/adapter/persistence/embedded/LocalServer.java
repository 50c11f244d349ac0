package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Talks to the embedded server as its superuser over localhost: checks whose server a port is and creates databases. */
final class LocalServer {

    static final String SUPERUSER = "postgres";

    private LocalServer() {
    }

    /** Makes sure the server on {@code port} is the one of our data directory, not a stranger on a reused port. */
    static void requireServes(int port, Path dataDirectory) {
        try (Connection connection = connect(port, "postgres");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            Path served = Path.of(row.getString(1));
            if (!Files.isSameFile(served, dataDirectory)) {
                throw new EmbeddedDatabaseException("port " + port + " is served by the PostgreSQL of " + served + ", not of "
                        + dataDirectory + "; stop that server or use another data folder");
            }
        } catch (SQLException | IOException e) {
            throw new EmbeddedDatabaseException("cannot reach the PostgreSQL running for " + dataDirectory + " at "
                    + url(port, "postgres") + " (user " + SUPERUSER + "): " + e.getMessage()
                    + "; if that server hangs, stop it and start again", e);
        }
    }

    static void createDatabaseIfMissing(int port, String database) {
        try (Connection connection = connect(port, "postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is checked against DATABASE_NAME, so it is safe to put into the statement.
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created by another process meanwhile
            }
            throw new EmbeddedDatabaseException("cannot create database " + database + " at " + url(port, "postgres")
                    + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection(url(port, database), SUPERUSER, "");
    }

    /** Names this process on its connections, so a server can tell its own clients from other processes'. */
    static final String APPLICATION_NAME = "plugboard-" + ProcessHandle.current().pid();

    static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?ApplicationName=" + APPLICATION_NAME;
    }
}
