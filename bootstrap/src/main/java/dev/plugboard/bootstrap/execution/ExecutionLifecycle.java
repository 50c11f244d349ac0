package dev.plugboard.bootstrap.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.RunExecutor;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the executor and the lease reaper in every server instance (never in CLI commands): they
 * poll the shared database, so several instances split the work between them.
 */
@Singleton
final class ExecutionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionLifecycle.class);

    private final Plugboard plugboard;
    private final ExecutionConfiguration configuration;
    private ScheduledExecutorService scheduler;
    private RunExecutor executor;

    ExecutionLifecycle(Plugboard plugboard, ExecutionConfiguration configuration) {
        this.plugboard = plugboard;
        this.configuration = configuration;
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        if (!configuration.enabled()) {
            LOG.info("Execution is switched off in this instance (plugboard.execution.enabled=false)");
            return;
        }
        executor = plugboard.newExecutor();
        scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "plugboard-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> safely("poll", executor::poll),
                0, configuration.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely("reap", plugboard.reaper()::reap),
                configuration.reapInterval().toMillis(), configuration.reapInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Executing runs as '{}': {} at once, lease {}, handlers for {}", configuration.settings().instanceId(),
                configuration.settings().concurrency(), configuration.settings().lease(), plugboard.handlers().plugins());
    }

    /** The executor of this instance while execution runs here. */
    synchronized java.util.Optional<RunExecutor> executor() {
        return java.util.Optional.ofNullable(scheduler == null ? null : executor);
    }

    int concurrency() {
        return configuration.settings().concurrency();
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            executor.close();
            scheduler = null;
        }
    }

    private static void safely(String what, java.util.function.IntSupplier work) {
        try {
            int count = work.getAsInt();
            if (count > 0) {
                LOG.debug("{}: {} runs", what, count);
            }
        } catch (RuntimeException e) {
            // A database hiccup must not kill the schedule; the next tick tries again.
            LOG.warn("{} failed, retrying on the next tick: {}", what, e.getMessage());
        }
    }

    /** Starts with the HTTP server. */
    @Singleton
    static final class OnStartup implements ApplicationEventListener<ServerStartupEvent> {
        private final ExecutionLifecycle lifecycle;

        OnStartup(ExecutionLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            lifecycle.start();
        }
    }

    /** Stops with it; runs still executing are interrupted and recovered by another instance's reaper. */
    @Singleton
    static final class OnShutdown implements ApplicationEventListener<ServerShutdownEvent> {
        private final ExecutionLifecycle lifecycle;

        OnShutdown(ExecutionLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void onApplicationEvent(ServerShutdownEvent event) {
            lifecycle.stop();
        }
    }
}
