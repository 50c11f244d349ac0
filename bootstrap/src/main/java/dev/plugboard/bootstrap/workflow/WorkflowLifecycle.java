package dev.plugboard.bootstrap.workflow;

import dev.plugboard.bootstrap.background.BackgroundJob;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.workflow.Workflows;
import dev.plugboard.bootstrap.background.Ticker;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;


/**
 * Runs the workflow engine and the schedule trigger in every server instance (never in CLI
 * commands). Both work from the shared database: instances split the runs between them, and each
 * tick fires once however many instances there are.
 */
@Singleton
final class WorkflowLifecycle implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowLifecycle.class);
    private static final int RUNS_PER_POLL = 200;

    private final Plugboard plugboard;
    private final WorkflowConfiguration configuration;
    private Ticker threads;

    WorkflowLifecycle(Plugboard plugboard, WorkflowConfiguration configuration) {
        this.plugboard = plugboard;
        this.configuration = configuration;
    }

    @Override
    public synchronized void start() {
        if (threads != null) {
            return;
        }
        if (!configuration.enabled()) {
            LOG.info("Workflow engine and schedules are switched off in this instance (plugboard.workflows.enabled=false)");
            return;
        }
        Workflows workflows = plugboard.workflows();
        threads = new Ticker("plugboard-workflows", 2, LOG);
        Duration every = configuration.pollInterval();
        threads.every("advance workflow runs", Duration.ZERO, every, () -> workflows.engine().advanceDue(RUNS_PER_POLL));
        threads.every("fire schedules", Duration.ZERO, every, workflows.scheduler()::tick);
        LOG.info("Workflow engine and schedules running: checking every {} ms, at most {} concurrent runs per workflow",
                every.toMillis(), configuration.settings().maxConcurrentRuns());
    }

    @Override
    public synchronized void stop() {
        if (threads != null) {
            threads.close();
            threads = null;
        }
    }
}
