package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.persistence.jdbc.SchemaVersion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the server's database already holds this Plugboard's schema, asked with one connection
 * before the application context starts. When it does, the server starts without Flyway: Flyway
 * would scan the jar's 30,000 entries for migrations and validate every applied one only to find
 * nothing to do, about a tenth of a start's CPU time (issue 16, P4: docs/performance.md).
 * {@code plugboard db migrate} and {@code db info} still run Flyway, with its checks, every time.
 */
final class SchemaProbe {

    private static final int TIMEOUT_SECONDS = 10;

    private SchemaProbe() {
    }

    /**
     * @param dataSource the {@code datasources.default.*} properties the launch worked out
     * @return true only when the schema holds every migration of this Plugboard and nothing else
     *         ({@link SchemaVersion#isComplete}); false when it is older, newer, incomplete, has a failed
     *         migration, is missing or cannot be read, so that Flyway runs and says what is wrong
     */
    static boolean isCurrent(Map<String, Object> dataSource) {
        Properties properties = new Properties();
        properties.setProperty("user", String.valueOf(dataSource.getOrDefault("datasources.default.username", "")));
        properties.setProperty("password", String.valueOf(dataSource.getOrDefault("datasources.default.password", "")));
        properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(
                String.valueOf(dataSource.get("datasources.default.url")), properties)) {
            return SchemaVersion.isComplete(connection);
        } catch (SQLException e) {
            return false;
        }
    }
}
