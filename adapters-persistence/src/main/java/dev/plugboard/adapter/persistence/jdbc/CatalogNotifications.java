package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Listens on PostgreSQL's {@code plugboard_catalog} channel ({@link PgListener}) and tells the catalog
 * cache whenever any instance changed the catalog. While the connection is down it says so
 * ({@link #listening()} is false) and reconnects every few seconds; each (re)connection counts as a
 * change, since notifications sent meanwhile are lost.
 */
@Singleton
public final class CatalogNotifications {

    /** The channel every catalog write notifies, in its own transaction. */
    public static final String CHANNEL = "plugboard_catalog";
    /** How the listening connection names itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-catalog-listener";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final BasicJdbcConfiguration database;
    private PgListener listener;
    private boolean closed;

    public CatalogNotifications(BasicJdbcConfiguration database) {
        this.database = database;
    }

    /** Starts listening (once); {@code changed} runs on every notification and after every (re)connection. */
    public synchronized void start(Runnable changed) {
        if (listener != null || closed) {
            return;
        }
        listener = PgListener.start(CHANNEL, APPLICATION_NAME, database.getUrl(), database.getUsername(),
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
                        LOG.warn("Catalog notifications lost ({}); the catalog cache falls back to its time limit, "
                                + "reconnecting in {} s", reason, reconnectingIn.toSeconds());
                    }
                });
    }

    /** Whether a notification would reach this instance now. */
    public synchronized boolean listening() {
        return listener != null && listener.listening();
    }

    /** Stops listening and closes the connection before returning, so that nothing holds the database open. */
    @PreDestroy
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
