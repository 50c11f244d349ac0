package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.RunWakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Wakes executors when a run becomes pending, with PostgreSQL {@code LISTEN/NOTIFY}: the insert of
 * a pending run notifies {@value #CHANNEL} in its own transaction ({@link JdbcRunRepository#add}),
 * so the signal arrives on commit. Each subscription listens on a dedicated connection
 * ({@link PgListener}); when that connection drops, the executor falls back to polling and the
 * listener reconnects after {@code reconnectDelay}, logging both.
 */
@Singleton
public final class PgRunWakeups implements RunWakeups {

    /** The channel a pending run is announced on. */
    public static final String CHANNEL = "plugboard_run_pending";
    /** The application name of the listening connections in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-run-listener";

    private static final Logger LOG = LoggerFactory.getLogger(PgRunWakeups.class);

    private final String url;
    private final String user;
    private final String password;
    private final Duration reconnectDelay;

    @Inject
    public PgRunWakeups(@Value("${datasources.default.url:}") String url,
                        @Value("${datasources.default.username:}") String user,
                        @Value("${datasources.default.password:}") String password) {
        this(url, user, password, Duration.ofSeconds(1));
    }

    public PgRunWakeups(String url, String user, String password, Duration reconnectDelay) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public Subscription listen(Runnable onPending) {
        PgListener listener = PgListener.start(CHANNEL, APPLICATION_NAME, url, user, password, reconnectDelay,
                new PgListener.Events() {
                    @Override
                    public void connected(boolean again) {
                        if (again) {
                            LOG.info("Listening for pending runs again: executors wake on LISTEN/NOTIFY again");
                        }
                        // Runs queued while nobody listened: claim now rather than at the next poll.
                        onPending.run();
                    }

                    @Override
                    public void notified() {
                        onPending.run();
                    }

                    @Override
                    public void dropped(String reason, Duration reconnectingIn) {
                        LOG.warn("The connection listening for pending runs dropped ({}); executors poll until it is back,"
                                + " reconnecting in {}", reason, reconnectingIn);
                    }
                });
        return listener::close;
    }
}
