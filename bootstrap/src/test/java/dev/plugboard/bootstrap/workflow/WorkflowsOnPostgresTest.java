package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.support.TwoInstances;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The workflow tests of {@link WorkflowsEmbeddedTest} (conditions, stop/continue/retry, test mode,
 * cancel, save-time checks, organization access, webhooks) on a real PostgreSQL, one database for
 * the class: the engine, the scheduler and the ledger work the same on both storages.
 */
class WorkflowsOnPostgresTest extends WorkflowsEmbeddedTest {

    @TempDir
    static Path data;
    private static LaunchConfiguration launch;
    private static ApplicationContext context;

    @BeforeAll
    static void database() {
        launch = TwoInstances.launch(data);
        context = ApplicationContext.builder().properties(launch.properties()).start();
    }

    @AfterAll
    static void closeDatabase() {
        context.close();
        launch.close();
    }

    @Override
    protected Plugboard newPlugboard(List<PluginHandler> handlers) {
        return TwoInstances.plugboard(context, ExecutionSettings.defaults("workflows-on-postgres"), handlers);
    }
}
