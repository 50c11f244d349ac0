package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Two Plugboard instances, each with its own application context and connection pool, on one
 * PostgreSQL (the embedded one in a temporary data folder): what two servers sharing a database
 * look like, without their HTTP servers.
 */
final class TwoInstances implements AutoCloseable {

    private final LaunchConfiguration launch;
    private final ApplicationContext contextA;
    private final ApplicationContext contextB;

    TwoInstances(Path dataFolder) {
        launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, dataFolder.toString(),
                "plugboard.plugins-dir", dataFolder.resolve("no-plugins").toString()), true);
        contextA = ApplicationContext.builder().properties(launch.properties()).start();
        contextB = ApplicationContext.builder().properties(launch.properties()).start();
    }

    /** An instance named {@code name} running {@code handler}, sharing the database with the other. */
    Plugboard instance(boolean first, String name, PluginHandler handler, ExecutionSettings settings) {
        ApplicationContext context = first ? contextA : contextB;
        Plugboard plugboard = context.getBean(PostgresStorage.class).applyTo(Plugboard.builder())
                .handlers(new HandlerRegistry(List.of(handler)))
                .executionSettings(new ExecutionSettings(name, settings.concurrency(), settings.lease(), settings.circuit(),
                        settings.idleCircuit()))
                .build();
        plugboard.syncCatalog();
        return plugboard;
    }

    ApplicationContext context(boolean first) {
        return first ? contextA : contextB;
    }

    @Override
    public void close() {
        contextA.close();
        contextB.close();
        launch.close();
    }
}
