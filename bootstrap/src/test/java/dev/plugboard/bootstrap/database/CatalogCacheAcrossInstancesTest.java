package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.adapter.persistence.jdbc.CatalogNotifications;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.ApplicationContext;
import dev.plugboard.application.fixtures.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory catalog on instances sharing one PostgreSQL: a change made on one reaches the
 * others' copies by LISTEN/NOTIFY (their time limit is ten minutes here, so nothing else could), an
 * instance whose listening connection is killed converges once it listens again, and an instance
 * without notifications at all converges by its time limit alone.
 */
class CatalogCacheAcrossInstancesTest {

    private static final String PLUGIN = "webhook";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    private static LaunchConfiguration launch;
    private static ApplicationContext first;
    private static ApplicationContext second;
    private static ApplicationContext unlistening;

    @BeforeAll
    static void start() {
        launch = TwoInstances.launch(folder.resolve("data"));
        first = context(Map.of(LaunchConfiguration.CATALOG_CACHE_TTL, "PT10M"));
        second = context(Map.of(LaunchConfiguration.CATALOG_CACHE_TTL, "PT10M"));
        unlistening = context(Map.of(LaunchConfiguration.CATALOG_CACHE_TTL, "PT1S", LaunchConfiguration.SYNC_CATALOG, false));
    }

    private static ApplicationContext context(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(launch.properties());
        properties.putAll(overrides);
        return ApplicationContext.builder().properties(properties).start();
    }

    @AfterAll
    static void stop() {
        for (ApplicationContext context : new ApplicationContext[] {first, second, unlistening}) {
            if (context != null) {
                context.close();
            }
        }
        if (launch != null) {
            launch.close();
        }
    }

    @Test
    void givenBothInstancesReadTheCatalog_whenOneSwitchesAPlugin_thenTheOtherSeesItByNotification() {
        boolean before = enabled(second);
        assertThat(enabled(first)).isEqualTo(before);

        switchPlugin(first, !before);

        assertThat(enabled(first)).as("the writer sees its own change at once").isEqualTo(!before);
        Eventually.converges("the other instance sees the change", PATIENCE, () -> enabled(second) == !before);
        Eventually.converges("an instance without notifications sees it within its time limit", PATIENCE, () -> enabled(unlistening) == !before);
    }

    @Test
    void givenTheListeningConnectionsAreKilled_whenAPluginIsSwitched_thenTheOtherInstanceStillConverges() throws SQLException {
        boolean before = enabled(second);
        assertThat(enabled(first)).isEqualTo(before);
        Eventually.converges("both instances listen", PATIENCE, () -> listening(first) && listening(second));

        assertThat(killListeners()).as("listening connections killed").isGreaterThanOrEqualTo(2);
        switchPlugin(first, !before);

        Eventually.converges("the other instance sees the change", PATIENCE, () -> enabled(second) == !before);
        Eventually.converges("it listens again", PATIENCE, () -> listening(second));
        switchPlugin(first, before);
        Eventually.converges("and hears the next change", PATIENCE, () -> enabled(second) == before);
    }

    private static boolean enabled(ApplicationContext context) {
        return context.getBean(Plugboard.class).catalog().get(PLUGIN).isEnabled();
    }

    private static boolean listening(ApplicationContext context) {
        return context.getBean(CatalogNotifications.class).listening();
    }

    private static void switchPlugin(ApplicationContext context, boolean enabled) {
        context.getBean(Plugboard.class).catalog()
                .switchPlugin(new SwitchPluginCommand(Actor.operator("test"), PluginName.of(PLUGIN), enabled, true));
    }

    /** Terminates every listening connection (only those: a materialized list, so no other row is tried). */
    private static int killListeners() throws SQLException {
        EmbeddedDatabase database = launch.embeddedDatabase().orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet killed = statement.executeQuery("WITH listeners AS MATERIALIZED (SELECT pid FROM pg_stat_activity"
                     + " WHERE application_name = '" + CatalogNotifications.APPLICATION_NAME + "')"
                     + " SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM listeners")) {
            killed.next();
            return killed.getInt(1);
        }
    }
}
