package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.jdbc.BasicJdbcConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Listens on one PostgreSQL channel ({@link PgListener}) and tells an in-memory cache whenever any
 * instance changed what it holds. While the connection is down it says so ({@link #listening()} is
 * false) and reconnects every few seconds; each (re)connection counts as a change, since notifications
 * sent meanwhile are lost. The catalog ({@link CatalogNotifications}) and the role grants
 * ({@link GrantNotifications}) each have their channel and connection.
 */
public abstract class ChangeNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final BasicJdbcConfiguration database;
    private final String channel;
    private final String applicationName;
    private final String cache;
    private PgListener listener;
    private boolean closed;

    /**
     * @param channel         the channel every write of the cached data notifies, in its own transaction
     * @param applicationName how the listening connection names itself in {@code pg_stat_activity}
     * @param cache           what the cache is called in the log when notifications are lost
     */
    protected ChangeNotifications(BasicJdbcConfiguration database, String channel, String applicationName, String cache) {
        this.database = database;
        this.channel = channel;
        this.applicationName = applicationName;
        this.cache = cache;
    }

    /** Starts listening (once); {@code changed} runs on every notification and after every (re)connection. */
    public synchronized void start(Runnable changed) {
        if (listener != null || closed) {
            return;
        }
        listener = PgListener.start(channel, applicationName, database.getUrl(), database.getUsername(),
                database.getPassword(), RECONNECT, new PgListener.Events() {
                    @Override
                    public void connected(boolean again) {
                        changed.run();
                    }

                    @Override
                    public void notified() {
                        changed.run();
                    }

                    @Override
                    public void dropped(String reason, Duration reconnectingIn) {
                        LOG.warn("Notifications on {} lost ({}); the {} falls back to its time limit, "
                                + "reconnecting in {} s", channel, reason, cache, reconnectingIn.toSeconds());
                    }
                });
    }

    /** Whether a notification would reach this instance now. */
    public synchronized boolean listening() {
        return listener != null && listener.listening();
    }

    /** Stops listening and closes the connection before returning, so that nothing holds the database open. */
    public void close() {
        PgListener running;
        synchronized (this) {
            closed = true;
            running = listener;
        }
        if (running != null) {
            running.close();
        }
    }
}
