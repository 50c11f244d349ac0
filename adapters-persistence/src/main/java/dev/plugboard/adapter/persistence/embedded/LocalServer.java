package dev.plugboard.adapter.persistence.embedded;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Talks to the embedded server as its superuser over 127.0.0.1, with the folder's password:
 * checks whose server a port is, creates databases and sets the password.
 */
final class LocalServer {

    static final String SUPERUSER = "postgres";
    /** Invalid password, as PostgreSQL reports it; the message never holds the password. */
    static final String INVALID_PASSWORD = "28P01";

    private static final Duration PASSWORD_REQUIRED_WAIT = Duration.ofSeconds(10);

    private final int port;
    private final String password;

    LocalServer(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /**
     * Joins a running server: makes sure the server on {@code port} is the one of our data directory,
     * not a stranger on a reused port, and that {@code database} exists, on one connection (each
     * connection costs a SCRAM handshake, which a short CLI command feels).
     */
    void join(Path dataDirectory, String database) {
        try (Connection connection = connect("postgres")) {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SHOW data_directory")) {
                row.next();
                Path served = Path.of(row.getString(1));
                if (!Files.isSameFile(served, dataDirectory)) {
                    throw new EmbeddedDatabaseException("port " + port + " is served by the PostgreSQL of " + served
                            + ", not of " + dataDirectory + "; stop that server or use another data folder");
                }
            }
            createDatabaseIfMissing(connection, database);
        } catch (SQLException e) {
            if (INVALID_PASSWORD.equals(e.getSQLState())) {
                throw new EmbeddedDatabaseException("the PostgreSQL running for " + dataDirectory + " refuses the password in "
                        + PasswordFile.of(dataDirectory.getParent()) + "; restore that file as the server's first start wrote"
                        + " it, or stop the server and see docs/security/database.md to set a new password", e);
            }
            throw unreachable(dataDirectory, e);
        } catch (IOException e) {
            throw unreachable(dataDirectory, e);
        }
    }

    private EmbeddedDatabaseException unreachable(Path dataDirectory, Exception e) {
        return new EmbeddedDatabaseException("cannot reach the PostgreSQL running for " + dataDirectory + " at "
                + url(port, "postgres") + " (user " + SUPERUSER + "): " + e.getMessage()
                + "; if that server hangs, stop it and start again", e);
    }

    void createDatabaseIfMissing(String database) {
        try (Connection connection = connect("postgres")) {
            createDatabaseIfMissing(connection, database);
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("cannot create database " + database + " at " + url(port, "postgres")
                    + ": " + e.getMessage(), e);
        }
    }

    private void createDatabaseIfMissing(Connection connection, String database) throws SQLException {
        try {
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

    /**
     * Gives the superuser the folder's password and makes the server keep to loopback and SCRAM even
     * when started by hand. Idempotent, so an upgrade cut short by a crash can simply run again.
     */
    void requirePassword() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            // The driver sends a SCRAM verifier computed here, so the password itself never reaches the server's logs.
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            statement.execute("ALTER SYSTEM SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER SYSTEM SET listen_addresses = '" + ServerLauncher.LISTEN_ADDRESS + "'");
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("cannot set the password of the embedded PostgreSQL at " + url(port, "postgres")
                    + ": " + e.getMessage(), e);
        }
    }

    /** Makes the server read pg_hba.conf again, as {@code pg_ctl reload} does. */
    void reloadConfiguration() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("cannot reload the configuration of the embedded PostgreSQL at "
                    + url(port, "postgres") + ": " + e.getMessage() + "; restart Plugboard to apply it", e);
        }
    }

    /**
     * Waits until the server refuses a client without a password: a reload is asynchronous, and
     * the server must not be handed out while it still admits anyone.
     */
    void awaitPasswordRequired() {
        long deadline = System.nanoTime() + PASSWORD_REQUIRED_WAIT.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, "")) {
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedDatabaseException("the embedded PostgreSQL at " + url(port, "postgres") + " still admits"
                            + " clients without a password after its pg_hba.conf was rewritten; stop Plugboard and start it again");
                }
            } catch (SQLException refused) {
                return;
            }
            ServerProcesses.sleep(Duration.ofMillis(50));
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(port, database), SUPERUSER, password);
    }

    /** Names this process on its connections, so a server can tell its own clients from other processes'. */
    static final String APPLICATION_NAME = "plugboard-" + ProcessHandle.current().pid();

    /** 127.0.0.1 rather than localhost: the server listens on IPv4 loopback only, and localhost may resolve to ::1. */
    static String url(int port, String database) {
        return "jdbc:postgresql://" + ServerLauncher.LISTEN_ADDRESS + ":" + port + "/" + database
                + "?ApplicationName=" + APPLICATION_NAME;
    }
}
