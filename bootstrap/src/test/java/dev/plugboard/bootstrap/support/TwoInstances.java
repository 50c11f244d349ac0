package dev.plugboard.bootstrap.support;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.persistence.PostgresWorkflowStorage;
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
public final class TwoInstances implements AutoCloseable {

    private final LaunchConfiguration launch;
    private final ApplicationContext contextA;
    private final ApplicationContext contextB;

    public TwoInstances(Path dataFolder) {
        launch = launch(dataFolder);
        contextA = ApplicationContext.builder().properties(launch.properties()).start();
        contextB = ApplicationContext.builder().properties(launch.properties()).start();
    }

    /**
     * The launch of an instance on the data folder: starts the embedded PostgreSQL there, or joins
     * it when another process of the test already runs it.
     */
    public static LaunchConfiguration launch(Path dataFolder) {
        return LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, dataFolder.toString(),
                "plugboard.plugins-dir", dataFolder.resolve("no-plugins").toString()), true);
    }

    /**
     * A Plugboard named {@code name} on the context's database (plugin runs, circuits, workflows and
     * their runs all in PostgreSQL) running {@code handlers}, its catalog synced.
     */
    public static Plugboard plugboard(ApplicationContext context, ExecutionSettings settings, List<PluginHandler> handlers) {
        Plugboard.Builder builder = context.getBean(PostgresStorage.class).applyTo(Plugboard.builder());
        Plugboard plugboard = context.getBean(PostgresWorkflowStorage.class).applyTo(builder)
                .handlers(new HandlerRegistry(handlers))
                .executionSettings(settings)
                .build();
        plugboard.syncCatalog();
        return plugboard;
    }

    /** An instance named {@code name} running {@code handler}, sharing the database with the other. */
    public Plugboard instance(boolean first, String name, PluginHandler handler, ExecutionSettings settings) {
        return instance(first, name, List.of(handler), settings);
    }

    /** An instance named {@code name} running {@code handlers}, sharing the database with the other. */
    public Plugboard instance(boolean first, String name, List<PluginHandler> handlers, ExecutionSettings settings) {
        return plugboard(context(first), new ExecutionSettings(name, settings.concurrency(), settings.lease(),
                settings.circuit(), settings.idleCircuit()), handlers);
    }

    public ApplicationContext context(boolean first) {
        return first ? contextA : contextB;
    }

    @Override
    public void close() {
        contextA.close();
        contextB.close();
        launch.close();
    }
}
