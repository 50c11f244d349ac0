package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.workflow.Workflows;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the workflow engine and the schedule trigger in every server instance (never in CLI
 * commands). Both work from the shared database: instances split the runs between them, and each
 * tick fires once however many instances there are.
 */
@Singleton
final class WorkflowLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowLifecycle.class);
    private static final int RUNS_PER_POLL = 200;

    private final Plugboard plugboard;
    private final WorkflowConfiguration configuration;
    private ScheduledExecutorService threads;

    WorkflowLifecycle(Plugboard plugboard, WorkflowConfiguration configuration) {
        this.plugboard = plugboard;
        this.configuration = configuration;
    }

    synchronized void start() {
        if (threads != null) {
            return;
        }
        if (!configuration.enabled()) {
            LOG.info("Workflow engine and schedules are switched off in this instance (plugboard.workflows.enabled=false)");
            return;
        }
        Workflows workflows = plugboard.workflows();
        threads = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "plugboard-workflows");
            thread.setDaemon(true);
            return thread;
        });
        long every = configuration.pollInterval().toMillis();
        threads.scheduleWithFixedDelay(() -> safely("advance workflow runs",
                () -> workflows.engine().advanceDue(RUNS_PER_POLL)), 0, every, TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(() -> safely("fire schedules", workflows.scheduler()::tick),
                0, every, TimeUnit.MILLISECONDS);
        LOG.info("Workflow engine and schedules running: checking every {} ms, at most {} concurrent runs per workflow",
                every, configuration.settings().maxConcurrentRuns());
    }

    synchronized void stop() {
        if (threads != null) {
            threads.shutdownNow();
            threads = null;
        }
    }

    private static void safely(String what, IntSupplier work) {
        try {
            int count = work.getAsInt();
            if (count > 0) {
                LOG.debug("{}: {}", what, count);
            }
        } catch (RuntimeException e) {
            // A database hiccup must not end the schedule; the next tick tries again, and nothing is lost.
            LOG.warn("{} failed, retrying on the next tick: {}", what, e.getMessage());
        }
    }

    /** Starts with the HTTP server. */
    @Singleton
    static final class OnStartup implements ApplicationEventListener<ServerStartupEvent> {
        private final WorkflowLifecycle lifecycle;

        OnStartup(WorkflowLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            lifecycle.start();
        }
    }

    /** Stops with it; a run in progress continues on the next start or on another instance. */
    @Singleton
    static final class OnShutdown implements ApplicationEventListener<ServerShutdownEvent> {
        private final WorkflowLifecycle lifecycle;

        OnShutdown(WorkflowLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void onApplicationEvent(ServerShutdownEvent event) {
            lifecycle.stop();
        }
    }
}
