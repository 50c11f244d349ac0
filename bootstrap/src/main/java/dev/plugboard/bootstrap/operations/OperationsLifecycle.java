package dev.plugboard.bootstrap.operations;

import dev.plugboard.bootstrap.background.BackgroundJob;
import dev.plugboard.application.service.operations.HourlyRollups;
import dev.plugboard.application.service.operations.RetentionService;
import dev.plugboard.bootstrap.background.Ticker;
import dev.plugboard.domain.audit.Actor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs the rollup and retention jobs in every server instance (never in CLI commands); advisory
 * locks in the database make one instance at a time do each step, so running more is harmless.
 */
@Singleton
final class OperationsLifecycle implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsLifecycle.class);
    /** Hours per tick: a long downtime is caught up over a few ticks instead of one long one. */
    private static final int HOURS_PER_TICK = 500;

    private final HourlyRollups rollups;
    private final RetentionService retention;
    private final OperationsConfiguration configuration;
    private Ticker threads;

    OperationsLifecycle(HourlyRollups rollups, RetentionService retention, OperationsConfiguration configuration) {
        this.rollups = rollups;
        this.retention = retention;
        this.configuration = configuration;
    }

    @Override
    public synchronized void start() {
        if (threads != null) {
            return;
        }
        threads = new Ticker("plugboard-operations", 1, LOG);
        if (configuration.rollupsEnabled()) {
            threads.every("roll up completed hours", Duration.ofSeconds(5), configuration.rollupInterval(),
                    () -> rollups.rollUpCompletedHours(HOURS_PER_TICK));
        }
        if (configuration.retentionEnabled()) {
            threads.every("prune by retention", Duration.ofMinutes(1), configuration.retentionInterval(), this::prune);
        }
        LOG.info("Rollups {} (every {}), retention {} (every {}; windows {})",
                configuration.rollupsEnabled() ? "on" : "off", configuration.rollupInterval(),
                configuration.retentionEnabled() ? "on" : "off", configuration.retentionInterval(),
                configuration.retention().windows());
    }

    private int prune() {
        long removed = retention.prune(Actor.system(), false, dev.plugboard.application.port.in.ProgressListener.NONE).total();
        if (removed > 0) {
            LOG.info("Retention removed {} record(s) older than their windows", removed);
        }
        return (int) Math.min(removed, Integer.MAX_VALUE);
    }

    @Override
    public synchronized void stop() {
        if (threads != null) {
            threads.close();
            threads = null;
        }
    }
}
