package dev.plugboard.adapter.rest;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.inmemory.InMemoryAuditLog;
import dev.plugboard.application.inmemory.InMemoryInstallationRepository;
import dev.plugboard.application.inmemory.InMemoryOwnerDirectory;
import dev.plugboard.application.inmemory.InMemoryPluginRepository;
import dev.plugboard.application.inmemory.InMemoryRunRepository;
import dev.plugboard.application.inmemory.InMemoryTransactionBoundary;
import dev.plugboard.application.port.in.owner.ProvisionOwnerUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import java.util.List;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase;
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
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;

/** Stands in for bootstrap in this module's tests: Plugboard in memory, its use cases as beans. */
@Factory
@Requires(env = InMemoryTarget.ENVIRONMENT)
class InMemoryPlugboardFactory {

    /** Exposed so tests can see who was provisioned. */
    @Singleton
    InMemoryOwnerDirectory ownerDirectory() {
        return new InMemoryOwnerDirectory();
    }

    @Singleton
    ProvisionOwnerUseCase provisioning(Plugboard plugboard) {
        return plugboard.owners();
    }

    @Singleton
    Plugboard plugboard(InMemoryOwnerDirectory owners) {
        InMemoryPluginRepository plugins = new InMemoryPluginRepository();
        InMemoryInstallationRepository installations = new InMemoryInstallationRepository();
        InMemoryRunRepository runs = new InMemoryRunRepository();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Plugboard plugboard = Plugboard.builder()
                .storage(plugins, installations, runs, owners, audit,
                        new InMemoryTransactionBoundary(List.of(plugins, installations, runs, owners, audit)))
                .manifest(TestPlugins.webhook())
                .manifest(TestPlugins.analytics())
                .manifest(TestPlugins.chat())
                .manifest(TestPlugins.summarizer())
                .build();
        plugboard.syncCatalog();
        return plugboard;
    }

    @Singleton
    AnalyticsStatsUseCase analyticsStats(Plugboard plugboard) {
        return plugboard.analytics();
    }

    @Singleton
    BrowseCatalogUseCase browseCatalog(Plugboard plugboard) {
        return plugboard.catalog();
    }

    @Singleton
    RegisterPluginUseCase registerPlugin(Plugboard plugboard) {
        return plugboard.catalog();
    }

    @Singleton
    SwitchPluginUseCase switchPlugin(Plugboard plugboard) {
        return plugboard.catalog();
    }

    @Singleton
    dev.plugboard.application.port.in.state.DeclarativeStateUseCase state(Plugboard plugboard) {
        return plugboard.state();
    }

    @Singleton
    SyncCatalogUseCase syncCatalog(Plugboard plugboard) {
        return plugboard.catalogSync();
    }

    @Singleton
    ApprovePluginsUseCase approvals(Plugboard plugboard) {
        return plugboard.approvals();
    }

    @Singleton
    InstallPluginUseCase installPlugin(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    UninstallPluginUseCase uninstallPlugin(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    ConfigureInstallationUseCase configureInstallation(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    ToggleInstallationUseCase toggleInstallation(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    ListInstallationsUseCase listInstallations(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    ValidateSettingsUseCase validateSettings(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    StartRunUseCase startRun(Plugboard plugboard) {
        return plugboard.runs();
    }

    @Singleton
    QueryRunsUseCase queryRuns(Plugboard plugboard) {
        return plugboard.runs();
    }

    @Singleton
    CancelRunUseCase cancelRun(Plugboard plugboard) {
        return plugboard.runs();
    }

    @Singleton
    ReadAuditTrailUseCase readAuditTrail(Plugboard plugboard) {
        return plugboard.audit();
    }

    @Singleton
    WorkerRunsUseCase workerRuns(Plugboard plugboard) {
        return plugboard.workers();
    }

    @Singleton
    PublishEventUseCase publishEvent(Plugboard plugboard) {
        return plugboard.events();
    }

    @Singleton
    RoleGrantsUseCase roleGrants(Plugboard plugboard) {
        return plugboard.grants();
    }

    @Singleton
    CircuitsUseCase circuits(Plugboard plugboard) {
        return plugboard.circuits();
    }

    @Singleton
    dev.plugboard.application.port.in.monitoring.PluginHealthUseCase pluginHealth(Plugboard plugboard) {
        return plugboard.health();
    }

    @Singleton
    dev.plugboard.application.port.in.monitoring.AlertsUseCase alerts(Plugboard plugboard) {
        return plugboard.alerts();
    }
}
