package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.domain.circuit.CircuitPolicy;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Plugboard instance in a JVM of its own, for {@link KilledInstanceTest}: it joins the database
 * in the data folder given as argument, claims one run with a handler that never returns, prints
 * {@code CLAIMED <run id>}, and keeps its lease alive until it is killed.
 */
public final class DoomedInstanceMain {

    private DoomedInstanceMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, args[0],
                "plugboard.plugins-dir", args[0] + "/no-plugins"), true);
        ApplicationContext context = ApplicationContext.builder().properties(launch.properties()).start();
        EchoHandler handler = new EchoHandler();
        handler.blocks = run -> true;
        Plugboard plugboard = context.getBean(PostgresStorage.class).applyTo(Plugboard.builder())
                .handlers(new HandlerRegistry(List.of(handler)))
                .executionSettings(new ExecutionSettings("doomed", 1, Duration.ofSeconds(2), CircuitPolicy.DEFAULT,
                        Duration.ofDays(7)))
                .build();
        RunExecutor executor = plugboard.newExecutor();
        while (handler.executions.isEmpty()) {
            executor.poll();
            Thread.sleep(50);
        }
        System.out.println("CLAIMED " + handler.executions.keySet().iterator().next());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
