package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.cli.DatabaseAdmin;
import dev.plugboard.bootstrap.launch.DatabaseReachability;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code plugboard db migrate} and {@code db info} on Flyway, with the migrations the application
 * ships. Uses its own connection settings so that {@code db info} shows pending migrations before
 * anything else has migrated them.
 */
@Singleton
final class FlywayDatabaseAdmin implements DatabaseAdmin {

    private final String url;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final String dataFolder;

    FlywayDatabaseAdmin(Environment environment) {
        this.url = environment.getProperty("datasources.default.url", String.class).orElseThrow(() ->
                new IllegalStateException("no database is configured for this command"));
        this.user = environment.getProperty("datasources.default.username", String.class).orElse("");
        this.password = environment.getProperty("datasources.default.password", String.class).orElse("");
        this.embedded = environment.getProperty("plugboard.database.embedded", Boolean.class).orElse(false);
        this.dataFolder = environment.getProperty("plugboard.data-dir", String.class).orElse("");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load();
    }

    @Override
    public MigrationReport migrate() {
        Flyway flyway = flyway();
        Optional<String> before = current(flyway.info());
        MigrateResult result = flyway.migrate();
        List<Migration> applied = result.migrations.stream()
                .map(m -> new Migration(m.version, m.description, "applied", Optional.empty()))
                .toList();
        return new MigrationReport(safeUrl(), before, current(flyway.info()), applied);
    }

    @Override
    public DatabaseInfo info() {
        MigrationInfoService info = flyway().info();
        List<Migration> applied = Arrays.stream(info.applied()).map(FlywayDatabaseAdmin::migration).toList();
        List<Migration> pending = Arrays.stream(info.pending()).map(FlywayDatabaseAdmin::migration).toList();
        return new DatabaseInfo(safeUrl(), embedded, embedded ? Optional.of(dataFolder) : Optional.empty(),
                current(info), applied, pending);
    }

    private static Migration migration(MigrationInfo info) {
        return new Migration(info.getVersion() == null ? "" : info.getVersion().getVersion(), info.getDescription(),
                state(info.getState()), Optional.ofNullable(info.getInstalledOn()).map(java.util.Date::toInstant));
    }

    private static String state(MigrationState state) {
        return state.getDisplayName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<String> current(MigrationInfoService info) {
        return Optional.ofNullable(info.current()).map(m -> m.getVersion().getVersion());
    }

    private String safeUrl() {
        return DatabaseReachability.safe(url);
    }
}
