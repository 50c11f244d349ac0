package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.RunWakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Wakes executors when a run becomes pending, with PostgreSQL {@code LISTEN/NOTIFY}: the insert of
 * a pending run notifies {@value #CHANNEL} in its own transaction ({@link JdbcRunRepository#add}),
 * so the signal arrives on commit. Each subscription listens on a dedicated connection, not one of
 * the pool (it waits in {@link PGConnection#getNotifications(int)}); when that connection drops,
 * the executor falls back to polling and the listener reconnects after {@code reconnectDelay},
 * logging both.
 */
@Singleton
public final class PgRunWakeups implements RunWakeups {

    /** The channel a pending run is announced on. */
    public static final String CHANNEL = "plugboard_run_pending";
    /** The application name of the listening connections in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-run-listener";

    private static final Logger LOG = LoggerFactory.getLogger(PgRunWakeups.class);
    private static final int WAIT_MILLIS = 10_000;

    private final String url;
    private final Properties properties = new Properties();
    private final Duration reconnectDelay;

    @Inject
    public PgRunWakeups(@Value("${datasources.default.url:}") String url,
                        @Value("${datasources.default.username:}") String user,
                        @Value("${datasources.default.password:}") String password) {
        this(url, user, password, Duration.ofSeconds(1));
    }

    public PgRunWakeups(String url, String user, String password, Duration reconnectDelay) {
        this.url = url;
        properties.setProperty(PGProperty.USER.getName(), user);
        properties.setProperty(PGProperty.PASSWORD.getName(), password);
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public Subscription listen(Runnable onPending) {
        Listener listener = new Listener(onPending);
        Thread thread = new Thread(listener, "plugboard-run-listener");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            listener.closed = true;
            thread.interrupt();
            listener.closeConnection();
        };
    }

    /** One dedicated connection, re-opened when it drops, waiting for notifications. */
    private final class Listener implements Runnable {
        private final Runnable onPending;
        private volatile boolean closed;
        private volatile Connection connection;

        Listener(Runnable onPending) {
            this.onPending = onPending;
        }

        @Override
        public void run() {
            boolean dropped = false;
            while (!closed) {
                try (Connection open = DriverManager.getConnection(url, properties)) {
                    connection = open;
                    try (Statement statement = open.createStatement()) {
                        // Set here, not as a connection property: the URL may name the application already.
                        statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                        statement.execute("LISTEN " + CHANNEL);
                    }
                    if (dropped) {
                        LOG.info("Listening for pending runs again: executors wake on LISTEN/NOTIFY again");
                        dropped = false;
                    }
                    // Runs queued while nobody listened: claim now rather than at the next poll.
                    onPending.run();
                    PGConnection pg = open.unwrap(PGConnection.class);
                    while (!closed) {
                        var notifications = pg.getNotifications(WAIT_MILLIS);
                        if (notifications != null && notifications.length > 0) {
                            onPending.run();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    dropped = true;
                    LOG.warn("The connection listening for pending runs dropped ({}); executors poll until it is back,"
                            + " reconnecting in {}", e.getMessage(), reconnectDelay);
                    if (!pause()) {
                        return;
                    }
                }
            }
        }

        private boolean pause() {
            try {
                Thread.sleep(reconnectDelay.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void closeConnection() {
            Connection open = connection;
            if (open != null) {
                try {
                    open.close();
                } catch (SQLException e) {
                    LOG.debug("closing the listening connection: {}", e.getMessage());
                }
            }
        }
    }
}
