package dev.plugboard.bootstrap.monitoring;

import dev.plugboard.bootstrap.background.BackgroundJob;
import dev.plugboard.application.Plugboard;
import dev.plugboard.bootstrap.background.Ticker;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health job in every server instance (never in CLI commands); an advisory lock lets one
 * instance at a time judge the plugins and raise or resolve alerts, the others skip that tick.
 */
@Singleton
final class HealthLifecycle implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(HealthLifecycle.class);

    private final Plugboard plugboard;
    private final HealthConfiguration configuration;
    private Ticker threads;

    HealthLifecycle(Plugboard plugboard, HealthConfiguration configuration) {
        this.plugboard = plugboard;
        this.configuration = configuration;
    }

    @Override
    public synchronized void start() {
        if (threads != null) {
            return;
        }
        if (!configuration.enabled()) {
            LOG.info("Plugin health checks and alerts are switched off in this instance (plugboard.health.enabled=false)");
            return;
        }
        threads = new Ticker("plugboard-health", 1, LOG);
        threads.every("judge plugin health", configuration.interval(), configuration.interval(),
                plugboard::evaluateHealth);
        LOG.info("Plugin health checked every {} ms; plugin-wide alert events go to {}",
                configuration.interval().toMillis(), configuration.settings().alertsOwner());
    }

    @Override
    public synchronized void stop() {
        if (threads != null) {
            threads.close();
            threads = null;
        }
    }
}
