package dev.plugboard.adapter.persistence.support;

import dev.plugboard.adapter.persistence.PostgresExecutionStorage;
import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.persistence.PostgresWorkflowStorage;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.application.port.out.contract.WorkflowStorage;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * JUnit 5 extension that gives a test class a fresh database of its own, migrated by Flyway, and
 * the Micronaut context whose beans are the PostgreSQL adapters. Register it as
 * {@code @RegisterExtension static final PostgresDatabase db = new PostgresDatabase();}.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String TABLES = "plugin_run_attempts, plugin_runs, installation_store, installations, circuits, "
            + "event_log, plugins, users, organizations, audit_entries, role_grants, workflow_deliveries, workflow_fires, "
            + "workflow_runs, workflows, plugin_metrics_hourly, owner_plugin_metrics_hourly, job_watermarks, alerts, "
            + "console_sessions, plugin_approvals";

    private String name;
    private ApplicationContext context;

    @Override
    public void beforeAll(ExtensionContext extension) {
        TestServer server = TestServer.get();
        String className = extension.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = server.createDatabase("t_" + className.replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(Map.of(
                        "datasources.default.url", server.url(name),
                        "datasources.default.username", server.user(),
                        "datasources.default.password", server.password(),
                        "datasources.default.driver-class-name", "org.postgresql.Driver",
                        "datasources.default.dialect", "POSTGRES",
                        "datasources.default.maximum-pool-size", 4,
                        "flyway.datasources.default.enabled", true))
                .start();
        // Flyway migrates when the data source is created: do it now, not in the middle of a test.
        context.getBean(DataSource.class);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
        }
        if (name != null) {
            TestServer.get().dropDatabase(name);
        }
    }

    /** Every storage port, over tables emptied just now. */
    public Storage freshStorage() {
        truncateAll();
        PostgresStorage storage = context.getBean(PostgresStorage.class);
        return new Storage(storage.plugins(), storage.installations(), storage.runs(), storage.owners(), storage.audit(),
                storage.transactions());
    }

    /** Every storage port and the execution ports, over tables emptied just now. */
    public ExecutionStorage freshExecutionStorage() {
        Storage storage = freshStorage();
        PostgresExecutionStorage execution = context.getBean(PostgresExecutionStorage.class);
        return new ExecutionStorage(storage, execution.queue(), execution.circuits(), execution.store(),
                execution.events());
    }

    /** Every storage port and the workflow ports, over tables emptied just now. */
    public WorkflowStorage freshWorkflowStorage() {
        Storage storage = freshStorage();
        PostgresWorkflowStorage workflows = context.getBean(PostgresWorkflowStorage.class);
        return new WorkflowStorage(storage, workflows.workflows(), workflows.runs(), workflows.ledger());
    }

    public void truncateAll() {
        execute("TRUNCATE " + TABLES + " RESTART IDENTITY CASCADE");
    }

    /** Runs raw SQL on the test database, outside any transaction of the adapters. */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A plain JDBC connection to the test database, outside Micronaut (whose data source only
     * hands out connections inside a transaction or connection scope).
     */
    public Connection connect() throws SQLException {
        TestServer server = TestServer.get();
        return DriverManager.getConnection(server.url(name), server.user(), server.password());
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String name() {
        return name;
    }
}
