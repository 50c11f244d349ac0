package dev.plugboard.bootstrap.execution;

import dev.plugboard.bootstrap.background.BackgroundJob;
import dev.plugboard.bootstrap.background.Ticker;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.ClaimLoop;
import dev.plugboard.application.service.execution.RunExecutor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Runs the executor and the lease reaper in every server instance (never in CLI commands): they
 * claim from the shared database, so several instances split the work between them. The executor
 * is driven by a {@link ClaimLoop}: woken by LISTEN/NOTIFY and by freed slots, polling as fallback.
 */
@Singleton
final class ExecutionLifecycle implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionLifecycle.class);

    private final Plugboard plugboard;
    private final ExecutionConfiguration configuration;
    private Ticker scheduler;
    private ClaimLoop claims;

    ExecutionLifecycle(Plugboard plugboard, ExecutionConfiguration configuration) {
        this.plugboard = plugboard;
        this.configuration = configuration;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        if (!configuration.enabled()) {
            LOG.info("Execution is switched off in this instance (plugboard.execution.enabled=false)");
            return;
        }
        // Claims when a run is queued (LISTEN/NOTIFY) or a slot frees after a full claim; the poll is the fallback.
        claims = plugboard.newClaimLoop(configuration.pollInterval()).start();
        scheduler = new Ticker("plugboard-scheduler", 1, LOG);
        scheduler.every("reap", configuration.reapInterval(), configuration.reapInterval(), plugboard.reaper()::reap);
        LOG.info("Executing runs as '{}': {} at once, lease {}, woken by LISTEN/NOTIFY, polling every {} as fallback,"
                        + " handlers for {}", configuration.settings().instanceId(), configuration.settings().concurrency(),
                configuration.settings().lease(), configuration.pollInterval(), plugboard.handlers().plugins());
    }

    /** The executor of this instance while execution runs here. */
    synchronized java.util.Optional<RunExecutor> executor() {
        return java.util.Optional.ofNullable(scheduler == null ? null : claims.executor());
    }

    int concurrency() {
        return configuration.settings().concurrency();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.close();
            claims.close();
            scheduler = null;
        }
    }
}
