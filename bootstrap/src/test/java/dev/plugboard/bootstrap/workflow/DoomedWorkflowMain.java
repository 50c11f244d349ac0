package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.circuit.CircuitPolicy;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Plugboard instance in a JVM of its own, for {@link KilledMidWorkflowTest}: it joins the database
 * in the data folder given as argument and runs the executor and the workflow engine, like a server;
 * its {@link TallyPlugin} hangs in step 1. Once step 0 completed and step 1's plugin run executes,
 * it prints {@code STEP1_RUNNING <workflow run id>} and keeps going (renewing its lease) until it is killed.
 */
public final class DoomedWorkflowMain {

    /** Short, so that the restarted instance's reaper finds the lease expired soon after the kill. */
    static final Duration LEASE = Duration.ofSeconds(2);

    private DoomedWorkflowMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchConfiguration launch = TwoInstances.launch(Path.of(args[0]));
        ApplicationContext context = ApplicationContext.builder().properties(launch.properties()).start();
        TallyPlugin tally = new TallyPlugin();
        tally.hangs = order -> order == 1;
        Plugboard plugboard = TwoInstances.plugboard(context,
                new ExecutionSettings("doomed", 2, LEASE, CircuitPolicy.DEFAULT, Duration.ofDays(7)), List.of(tally));
        RunExecutor executor = plugboard.newExecutor();
        boolean told = false;
        while (true) {
            executor.poll();
            plugboard.workflows().engine().advanceDue(10);
            String hanging = tally.hanging;
            if (!told && hanging != null) {
                System.out.println("STEP1_RUNNING " + hanging.substring(0, hanging.lastIndexOf(':')));
                System.out.flush();
                told = true;
            }
            Thread.sleep(50);
        }
    }
}
