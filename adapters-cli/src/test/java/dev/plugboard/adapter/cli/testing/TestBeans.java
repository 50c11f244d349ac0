package dev.plugboard.adapter.cli.testing;

import dev.plugboard.adapter.cli.secrets.KeyMaterial;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.operations.PruneUseCase;
import dev.plugboard.domain.retention.RetentionKind;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;

/**
 * Supplies the use cases as bootstrap does, one bean per use-case interface, but from the
 * current {@link TestPlugboard}: prototypes, so each command run sees the instance of its test.
 */
@Factory
public class TestBeans {

    @Prototype
    BrowseCatalogUseCase browse(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    RegisterPluginUseCase register(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    SwitchPluginUseCase switching(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    dev.plugboard.application.port.in.state.DeclarativeStateUseCase state(TestPlugboard p) {
        return p.use().state();
    }

    @Prototype
    PurgePluginUseCase purge(TestPlugboard p) {
        return p.use().purge();
    }

    @Prototype
    ApprovePluginsUseCase approvals(TestPlugboard p) {
        return p.use().approvals();
    }

    @Prototype
    SyncCatalogUseCase sync(TestPlugboard p) {
        return p.use().catalogSync();
    }

    @Prototype
    InstallPluginUseCase install(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    UninstallPluginUseCase uninstall(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ConfigureInstallationUseCase configure(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ToggleInstallationUseCase toggle(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ListInstallationsUseCase listInstallations(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ValidateSettingsUseCase validate(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    QueryRunsUseCase queryRuns(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    StartRunUseCase startRun(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    CancelRunUseCase cancelRun(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    ReadAuditTrailUseCase audit(TestPlugboard p) {
        return p.use().audit();
    }

    @Prototype
    CircuitsUseCase circuits(TestPlugboard p) {
        return p.use().circuits();
    }

    @Prototype
    RoleGrantsUseCase roleGrants(TestPlugboard p) {
        return p.use().grants();
    }

    @Prototype
    PublishEventUseCase publishEvent(TestPlugboard p) {
        return p.use().events();
    }

    @Prototype
    SecretKeysUseCase secretKeys(TestPlugboard p) {
        return p.use().secretKeys();
    }

    /**
     * Stands in for retention, which needs PostgreSQL (bootstrap's DbPruneProcessTest runs the real
     * one): a dry run counts 3 runs and 1 audit entry; a prune reports progress and removes them.
     */
    @Prototype
    PruneUseCase prune(TestPlugboard p) {
        p.use();
        return (actor, dryRun, progress) -> {
            if (!dryRun) {
                progress.progress(PruneUseCase.task(RetentionKind.RUNS), 3, dev.plugboard.application.port.in.ProgressListener.UNKNOWN);
            }
            java.time.Instant cutoff = java.time.Instant.parse("2026-01-01T00:00:00Z");
            java.util.Map<RetentionKind, java.time.Instant> cutoffs = new java.util.EnumMap<>(RetentionKind.class);
            for (RetentionKind kind : RetentionKind.values()) {
                cutoffs.put(kind, cutoff);
            }
            return new PruneUseCase.PruneReport(dryRun, java.util.Map.of(RetentionKind.RUNS, 3L, RetentionKind.AUDIT, 1L),
                    cutoffs, false);
        };
    }

    /**
     * Analytics statistics are read by the server's service on PostgreSQL (AnalyticsCliProcessTest);
     * here a fixed answer shows the command prints what it is given.
     */
    @Prototype
    dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase analyticsStats(TestPlugboard p) {
        p.use();
        return query -> new dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStats(
                3, 1, 2, 2, java.util.List.of());
    }

    /** pg_dump and pg_restore run in BackupRestoreProcessTest; the CLI tests here never call them. */
    @Prototype
    dev.plugboard.adapter.cli.DatabaseBackups databaseBackups() {
        return new dev.plugboard.adapter.cli.DatabaseBackups() {
            @Override
            public BackupReport backup(java.nio.file.Path file, java.util.function.Consumer<String> notes,
                                       dev.plugboard.application.port.in.ProgressListener progress) {
                throw new UnsupportedOperationException("backups run against PostgreSQL in BackupRestoreProcessTest");
            }

            @Override
            public RestoreReport restore(java.nio.file.Path file, boolean force, java.util.function.Consumer<String> notes,
                                         dev.plugboard.application.port.in.ProgressListener progress) {
                throw new UnsupportedOperationException("restores run against PostgreSQL in BackupRestoreProcessTest");
            }
        };
    }

    /** Stands in for Tink, which only bootstrap wires: the CLI test checks the command prints what it is given. */
    @Prototype
    KeyMaterial keyMaterial() {
        return () -> "{\"primaryKeyId\": 1, \"key\": []}";
    }

    @Prototype
    dev.plugboard.application.port.in.monitoring.PluginHealthUseCase pluginHealth(TestPlugboard p) {
        return p.use().health();
    }

    @Prototype
    dev.plugboard.application.port.in.monitoring.AlertsUseCase alerts(TestPlugboard p) {
        return p.use().alerts();
    }

    /** Console sign-in over an in-memory store, one for the test JVM: tests exchange the links the command prints. */
    @jakarta.inject.Singleton
    dev.plugboard.application.port.in.console.ConsoleSignInUseCase consoleSignIn() {
        return new dev.plugboard.application.service.console.ConsoleSignInService(
                new dev.plugboard.application.inmemory.InMemoryConsoleSessionStore(),
                new dev.plugboard.application.inmemory.InMemoryTransactionBoundary(java.util.List.of()),
                dev.plugboard.application.port.out.TimeSource.system(), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofHours(8));
    }
}
