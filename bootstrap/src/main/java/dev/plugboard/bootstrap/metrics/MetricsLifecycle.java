package dev.plugboard.bootstrap.metrics;

import dev.plugboard.domain.time.Durations;
import dev.plugboard.bootstrap.background.BackgroundJob;
import dev.plugboard.bootstrap.background.Ticker;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Refreshes the database-read meters every {@code plugboard.metrics.backlog-interval} (15 s by
 * default) while the server runs; CLI commands never start it.
 */
@Singleton
final class MetricsLifecycle implements BackgroundJob {

    static final String INTERVAL = "plugboard.metrics.backlog-interval";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsLifecycle.class);

    private final BacklogMeters meters;
    private final Duration interval;
    private Ticker ticker;

    MetricsLifecycle(BacklogMeters meters, @Value("${" + INTERVAL + ":15s}") String intervalText) {
        Duration interval = Durations.parse(INTERVAL, intervalText);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(INTERVAL + " must be positive, e.g. 15s; got " + interval);
        }
        this.meters = meters;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (ticker == null) {
            ticker = new Ticker("plugboard-metrics", 1, LOG);
            ticker.every("read the run backlog for /metrics", Duration.ZERO, interval, meters::refresh);
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }
}
