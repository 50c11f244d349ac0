package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.persistence.jdbc.SchemaVersion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchConfigurationTest {

    @Test
    void givenNoDatabaseNeeded_resolve_startsNoServerAndSetsNoDataSource(@TempDir Path data) {
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), false)) {
            assertThat(launch.embeddedDatabase()).isEmpty();
            assertThat(launch.properties()).doesNotContainKey("datasources.default.url");
            assertThat(launch.properties().get(LaunchConfiguration.JWT_SECRET)).as("no secret made up").isEqualTo("");
            assertThat(Files.exists(data.resolve(JwtSecret.FILE))).isFalse();
            assertThat(Files.exists(data.resolve("pgdata"))).isFalse();
        }
    }

    @Test
    void givenSecretTheServerMade_resolveWithoutDatabase_usesIt(@TempDir Path data) {
        String made = JwtSecret.loadOrCreate(data);
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), false)) {
            assertThat(launch.properties().get(LaunchConfiguration.JWT_SECRET)).isEqualTo(made);
        }
    }

    @Test
    void givenConfiguredSecretAndJwksUrl_resolve_usesThemAndWritesNoSecretFile(@TempDir Path data) {
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString(),
                LaunchConfiguration.JWT_SECRET, "a-configured-secret-of-at-least-32-chars",
                LaunchConfiguration.JWT_JWKS_URL, "https://idp.example.test/.well-known/jwks.json",
                "plugboard.auth.issuer", "https://idp.example.test", "plugboard.auth.audience", "plugboard"), false)) {
            assertThat(launch.properties()).containsEntry(LaunchConfiguration.JWT_SECRET, "a-configured-secret-of-at-least-32-chars")
                    .containsEntry("micronaut.security.token.jwt.signatures.jwks.idp.url",
                            "https://idp.example.test/.well-known/jwks.json")
                    .containsEntry("micronaut.security.token.jwt.claims-validators.issuer", "https://idp.example.test")
                    .containsEntry("micronaut.security.token.jwt.claims-validators.audience", "plugboard")
                    .containsEntry("plugboard.auth.trust-token-roles", false);
            assertThat(Files.exists(data.resolve(JwtSecret.FILE))).isFalse();
        }
    }

    @Test
    void givenNoUrl_resolve_startsTheEmbeddedDatabaseInTheDataFolderAndPointsTheDataSourceAtIt(@TempDir Path data) {
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), true)) {
            assertThat(launch.embeddedDatabase()).isPresent();
            assertThat((String) launch.properties().get("datasources.default.url")).startsWith("jdbc:postgresql://");
            assertThat(launch.properties()).containsEntry("plugboard.database.embedded", true)
                    .containsEntry("flyway.datasources.default.enabled", true);
            assertThat(Files.isDirectory(data.resolve("pgdata"))).isTrue();
            // The data source signs in with the folder's password: the embedded server asks for it.
            assertThat(launch.properties()).containsEntry("datasources.default.password",
                    launch.embeddedDatabase().orElseThrow().password());
            assertThat((String) launch.properties().get("datasources.default.password")).isNotBlank();
        }
    }

    @Test
    void givenADatabaseAtThisPlugboardsSchema_resolveForTheServer_startsWithoutFlyway_andWithItWhenAMigrationIsPending(@TempDir Path data) {
        Map<String, Object> dataSource;
        try (LaunchConfiguration fresh = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), true)) {
            assertThat(fresh.properties()).as("a new database: Flyway migrates it").containsEntry("flyway.enabled", true);
            dataSource = fresh.properties();
            Flyway.configure().dataSource((String) dataSource.get("datasources.default.url"),
                    (String) dataSource.get("datasources.default.username"), (String) dataSource.get("datasources.default.password"))
                    .locations("classpath:db/migration").target(String.valueOf(SchemaVersion.CURRENT - 1)).load().migrate();
        }
        try (LaunchConfiguration pending = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), true)) {
            assertThat(pending.properties()).as("one migration pending").containsEntry("flyway.enabled", true)
                    .containsEntry("flyway.datasources.default.enabled", true);
            ApplicationContext context = pending.startContext();
            assertThat(context.getBean(SchemaVersion.class).applied()).as("the server's context migrated it").contains(SchemaVersion.CURRENT);
        }
        try (LaunchConfiguration current = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), true)) {
            assertThat(current.properties()).as("nothing to migrate").containsEntry("flyway.enabled", false)
                    .containsEntry("flyway.datasources.default.enabled", false);
            ApplicationContext context = current.startContext();
            assertThat(context.getAllBeanDefinitions()).map(LaunchConfigurationTest::definitionAndType)
                    .noneMatch(name -> name.contains("io.micronaut.flyway."));
            assertThat(context.getBean(SchemaVersion.class).applied()).contains(SchemaVersion.CURRENT);
        }
    }

    @Test
    void givenACommand_startContext_startsOnTheLaunchsReadingWithoutTheServersBeans(@TempDir Path data) {
        Predicate<String> serverOnly = name -> name.contains("io.micronaut.security.") || name.contains("io.micronaut.views.")
                || name.contains("io.micronaut.flyway.") || name.contains("io.micronaut.configuration.metrics.micrometer.");
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), false)) {
            ApplicationContext context = launch.startContext();

            assertThat(LaunchConfigurationTest.class.getClassLoader().getResource("io/micronaut/security/filters/$SecurityFilter$Definition.class"))
                    .as("the server's beans are on the class path").isNotNull();
            assertThat(context.getAllBeanDefinitions()).map(LaunchConfigurationTest::definitionAndType)
                    .as("left out of a command's context").noneMatch(serverOnly)
                    .anyMatch(name -> name.contains("dev.plugboard."));
            // One reading of the configuration: what the launch worked out is in the context's environment.
            assertThat(context.getEnvironment().getProperty(LaunchConfiguration.DATA_DIR, String.class))
                    .contains(data.toAbsolutePath().normalize().toString());
            assertThat(launch.startContext()).isSameAs(context);
        }
    }

    @Test
    void givenAConfigFileSettingWhatTheLaunchDecides_theLaunchsValue_wins(@TempDir Path data) throws IOException {
        Path file = data.resolve("plugboard.yml");
        Files.writeString(file, "micronaut:\n  security:\n    enabled: true\nplugboard:\n  catalog:\n    cache-ttl: 7s\n");
        String before = System.getProperty("micronaut.config.files");
        System.setProperty("micronaut.config.files", file.toString());
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), false)) {
            ApplicationContext context = launch.startContext();

            assertThat(context.getEnvironment().getProperty(LaunchConfiguration.CATALOG_CACHE_TTL, String.class))
                    .as("the file is read").contains("7s");
            assertThat(context.getEnvironment().getProperty("micronaut.security.enabled", Boolean.class))
                    .as("a command's context has no security, whatever the file says").contains(false);
            assertThat(context.getBeanDefinitions(io.micronaut.security.filters.SecurityFilter.class)).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("micronaut.config.files");
            } else {
                System.setProperty("micronaut.config.files", before);
            }
        }
    }

    private static String definitionAndType(BeanDefinition<?> definition) {
        return definition.getClass().getName() + " " + definition.getBeanType().getName();
    }
}
