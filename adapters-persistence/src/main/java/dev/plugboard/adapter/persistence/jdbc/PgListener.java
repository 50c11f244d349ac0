package dev.plugboard.adapter.persistence.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * {@code LISTEN}s on one PostgreSQL channel over a connection of its own (never one of the pool's: it
 * waits in {@link PGConnection#getNotifications(int)}), on a daemon thread, and re-opens that connection
 * whenever it drops. What each event means is its user's ({@link Events}): the catalog cache and the run
 * executors share this loop and differ only in what they do on it.
 */
final class PgListener implements AutoCloseable {

    /** What happens on the listening connection. Called on the listener's thread. */
    interface Events {
        /** Listening (again, if {@code again}): notifications sent while nobody listened are lost. */
        void connected(boolean again);

        /** One or more notifications arrived. */
        void notified();

        /** The connection dropped; it is re-opened after the listener's reconnect delay. */
        void dropped(String reason, Duration reconnectingIn);
    }

    private static final int WAIT_MILLIS = 500;

    private final String channel;
    private final String applicationName;
    private final String url;
    private final Properties properties = new Properties();
    private final Duration reconnectDelay;
    private final Events events;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;

    private PgListener(String channel, String applicationName, String url, String user, String password,
                       Duration reconnectDelay, Events events) {
        this.channel = channel;
        this.applicationName = applicationName;
        this.url = url;
        properties.setProperty(PGProperty.USER.getName(), user == null ? "" : user);
        properties.setProperty(PGProperty.PASSWORD.getName(), password == null ? "" : password);
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        this.reconnectDelay = reconnectDelay;
        this.events = events;
        this.thread = new Thread(this::loop, applicationName);
        thread.setDaemon(true);
    }

    /**
     * Starts listening on {@code channel}; the connection names itself {@code applicationName} in
     * {@code pg_stat_activity}, and so does the thread.
     */
    static PgListener start(String channel, String applicationName, String url, String user, String password,
                            Duration reconnectDelay, Events events) {
        PgListener listener = new PgListener(channel, applicationName, url, user, password, reconnectDelay, events);
        listener.thread.start();
        return listener;
    }

    /** Whether a notification would reach this listener now. */
    boolean listening() {
        return listening;
    }

    private void loop() {
        boolean dropped = false;
        while (!closed) {
            try (Connection open = DriverManager.getConnection(url, properties); Statement statement = open.createStatement()) {
                connection = open;
                // Set here, not as a connection property: the URL's own ApplicationName would win over it.
                statement.execute("SET application_name = '" + applicationName + "'");
                statement.execute("LISTEN " + channel);
                // Said first, then set: whoever sees listening() true knows that copies made before were dropped.
                events.connected(dropped);
                listening = true;
                dropped = false;
                PGConnection notifications = open.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        events.notified();
                    }
                    if (open.isClosed()) {
                        throw new SQLException("the listening connection was closed");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    dropped = true;
                    events.dropped(e.getMessage(), reconnectDelay);
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause();
        }
    }

    private void pause() {
        if (closed) {
            return;
        }
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and closes the connection before returning, so that nothing holds the database open. */
    @Override
    public void close() {
        closed = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing anyway: the thread ends on the closed connection or at its next wait
            }
        }
        thread.interrupt();
        try {
            thread.join(Math.max(reconnectDelay.toMillis(), WAIT_MILLIS * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
