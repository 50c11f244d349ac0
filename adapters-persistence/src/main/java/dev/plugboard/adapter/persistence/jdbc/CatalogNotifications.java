package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Listens on PostgreSQL's {@code plugboard_catalog} channel over a connection of its own (not one of
 * the pool's) and tells the catalog cache whenever any instance changed the catalog. While the
 * connection is down it says so ({@link #listening()} is false) and reconnects every few seconds;
 * each (re)connection counts as a change, since notifications sent meanwhile are lost.
 */
@Singleton
public final class CatalogNotifications {

    /** The channel every catalog write notifies, in its own transaction. */
    public static final String CHANNEL = "plugboard_catalog";
    /** How the listening connection names itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-catalog-listener";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);
    private static final int WAIT_MILLIS = 500;

    private final BasicJdbcConfiguration database;
    private volatile Runnable onChange = () -> { };
    private volatile boolean listening;
    private volatile boolean closed;
    private Thread thread;
    private volatile Connection connection;

    public CatalogNotifications(BasicJdbcConfiguration database) {
        this.database = database;
    }

    /** Starts listening (once); {@code changed} runs on every notification and after every (re)connection. */
    public synchronized void start(Runnable changed) {
        if (thread != null || closed) {
            return;
        }
        onChange = changed;
        thread = new Thread(this::loop, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a notification would reach this instance now. */
    public boolean listening() {
        return listening;
    }

    private void loop() {
        while (!closed) {
            try (Connection listened = connect(); Statement statement = listened.createStatement()) {
                connection = listened;
                // Set here, as the URL's own ApplicationName would win over a connection property.
                statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                onChange.run();
                PGConnection notifications = listened.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        onChange.run();
                    }
                    if (listened.isClosed()) {
                        throw new SQLException("the listening connection was closed");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("Catalog notifications lost ({}); the catalog cache falls back to its time limit, reconnecting in {} s",
                            e.getMessage(), RECONNECT.toSeconds());
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.getUsername() == null ? "" : database.getUsername());
        properties.setProperty("password", database.getPassword() == null ? "" : database.getPassword());
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getUrl(), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and closes the connection before returning, so that nothing holds the database open. */
    @PreDestroy
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debug("Closing the catalog listener's connection: {}", e.getMessage());
            }
        }
        running.interrupt();
        try {
            running.join(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
