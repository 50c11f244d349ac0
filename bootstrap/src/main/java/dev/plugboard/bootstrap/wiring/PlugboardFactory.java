package dev.plugboard.bootstrap.wiring;

import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.CatalogUseCases;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase;
import dev.plugboard.application.port.in.installation.InstallationUseCases;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.application.port.in.owner.ProvisionOwnerUseCase;
import dev.plugboard.application.port.in.run.RunUseCases;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.adapter.cli.secrets.KeyMaterial;
import dev.plugboard.adapter.outbound.GuardedOutboundHttp;
import dev.plugboard.adapter.outbound.OutboundPolicy;
import dev.plugboard.adapter.isolation.PluginHosts;
import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.secrets.KeysetSource;
import dev.plugboard.adapter.secrets.SecretsKeyException;
import dev.plugboard.adapter.secrets.TinkSecretCipher;
import dev.plugboard.adapter.persistence.PostgresWorkflowStorage;
import dev.plugboard.adapter.persistence.PostgresMonitoringStorage;
import dev.plugboard.bootstrap.monitoring.HealthConfiguration;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.bootstrap.logging.MdcLogContext;
import dev.plugboard.bootstrap.workflow.WorkflowConfiguration;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.Telemetry;
import io.micronaut.context.BeanProvider;
import dev.plugboard.adapter.persistence.jdbc.CachedRoleGrantRepository;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.bootstrap.execution.ExecutionConfiguration;
import dev.plugboard.bootstrap.launch.DurationSetting;
import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.adapter.persistence.jdbc.JdbcPluginApprovalRepository;
import dev.plugboard.domain.approval.NewPluginsPolicy;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.manifest.FileManifestSource;
import dev.plugboard.bootstrap.outbound.OutboundConfiguration;
import io.micronaut.context.annotation.Bean;
import dev.plugboard.domain.installation.PlanLimits;
import dev.plugboard.domain.settings.SettingsPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the use cases on the PostgreSQL storage and exposes each service as a bean, so adapters
 * inject the use-case interfaces they drive. The application code itself carries no annotations.
 */
@Factory
final class PlugboardFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PlugboardFactory.class);

    @Singleton
    SettingsPolicy settingsPolicy() {
        return new SettingsPolicy();
    }

    @Singleton
    ExecutionConfiguration executionConfiguration(Environment environment) {
        return ExecutionConfiguration.from(environment);
    }

    /** Tink, with the key that the launch settled ({@code plugboard.secrets.key}: a keyset file or inline JSON). */
    @Singleton
    SecretCipher secretCipher(Environment environment) {
        String key = environment.getProperty(LaunchConfiguration.SECRETS_KEY, String.class).filter(k -> !k.isBlank())
                .orElseThrow(() -> new SecretsKeyException("no secrets key: set PLUGBOARD_SECRETS_KEY"));
        return new TinkSecretCipher(KeysetSource.of(key));
    }

    /** Key material for {@code plugboard secrets new-key}, which needs no database. */
    @Singleton
    KeyMaterial keyMaterial() {
        return TinkSecretCipher::newKeysetJson;
    }

    /** The one client plugins make HTTP requests with; internal addresses only as {@code plugboard.outbound.allow} says. */
    @Singleton
    @Bean(preDestroy = "close")
    GuardedOutboundHttp outboundHttp(Environment environment) {
        OutboundPolicy policy = OutboundConfiguration.from(environment);
        LOG.info("Outbound requests of plugins: internal addresses refused{}",
                policy.allow().isEmpty() ? "" : " except " + policy.allow() + " (plugboard.outbound.allow)");
        return new GuardedOutboundHttp(policy);
    }

    /**
     * The use cases. Creating them is what first touches the database (migrations run when the
     * data source is created, unless the command uses the schema as it is) and, for the server
     * only ({@link LaunchConfiguration#SYNC_CATALOG}), syncs the catalog with the manifests,
     * keeping every plugin's enabled state.
     */
    @Singleton
    Plugboard plugboard(PostgresStorage storage, CachedRoleGrantRepository grants, JdbcPluginApprovalRepository approvals,
                        ManifestSource manifests,
                        SettingsPolicy policy, Environment environment, ExecutionConfiguration execution,
                        SecretCipher secretCipher, GuardedOutboundHttp outbound, FileManifestSource packages,
                        PluginHosts hosts, WorkflowConfiguration workflows,
                        PostgresWorkflowStorage workflowStorage, BeanProvider<Telemetry> telemetry,
                        PostgresMonitoringStorage monitoringStorage, HealthConfiguration health) {
        Plugboard plugboard = monitoringStorage.applyTo(workflowStorage.applyTo(storage.applyTo(Plugboard.builder())))
                .healthSettings(health.settings())
                .hookTimeout(DurationSetting.of(environment, "plugboard.plugins.hook-timeout", Duration.ofSeconds(5)))
                .newPlugins(newPlugins(environment), approvals)
                .alertLog(LOG::warn)
                .roleGrants(grants)
                .manifestSource(manifests)
                .settingsPolicy(policy)
                .secretCipher(secretCipher)
                .planLimits(planLimits(environment))
                .handlers(HandlerRegistry.fromClasspath().withPackaged(hosts.handlers(packages.packages())))
                .executionSettings(execution.settings())
                .environment(dev.plugboard.domain.installation.Environment.of(
                        environment.getProperty("plugboard.environment", String.class).orElse(null)))
                .outboundHttp(outbound)
                .logContext(new MdcLogContext())
                .workflowSettings(workflows.settings())
                .workflowLog(LOG::warn)
                // Meters when a registry exists (metrics on); nothing otherwise.
                .telemetry(telemetry.isPresent() ? telemetry.get() : Telemetry.NONE)
                .build();
        if (environment.getProperty(LaunchConfiguration.SYNC_CATALOG, Boolean.class).orElse(true)) {
            prepareToServe(plugboard);
        }
        return plugboard;
    }

    /** Only for the server: sync the catalog with the manifests and seal plain-text secrets; a CLI command writes neither. */
    private static void prepareToServe(Plugboard plugboard) {
        SyncReport report = plugboard.syncCatalog();
        LOG.info("Catalog synced with the manifests: {}", report.summary());
        report.rejected().forEach(problem -> LOG.warn("Manifest rejected: {}", problem));
        // Before anything is served: secrets an older version stored in plain text are sealed now.
        long sealed = plugboard.secretKeys().sealPlainText();
        if (sealed > 0) {
            LOG.warn("Encrypted {} secret setting(s) that an older version had stored in plain text; old copies may remain"
                    + " in PostgreSQL's files until VACUUM FULL (see docs/security.md)", sealed);
        }
    }

    /** {@code plugboard.catalog.new-plugins}: enabled unless set; a value it does not know stops the start. */
    static NewPluginsPolicy newPlugins(Environment environment) {
        try {
            return NewPluginsPolicy.parse(environment.getProperty("plugboard.catalog.new-plugins", String.class)
                    .orElse("enabled"));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidConfigurationException(unknown.getMessage() + " (PLUGBOARD_CATALOG_NEW_PLUGINS)");
        }
    }

    /** {@code plugboard.plan-limits.<plan>=<n>} and {@code plugboard.default-plan}; the defaults otherwise. */
    static PlanLimits planLimits(Environment environment) {
        Map<String, Object> configured = environment.getProperties("plugboard.plan-limits");
        if (configured.isEmpty()) {
            return PlanLimits.DEFAULT;
        }
        Map<String, Integer> limits = new TreeMap<>();
        configured.forEach((plan, limit) -> limits.put(plan, Integer.valueOf(String.valueOf(limit).strip())));
        String defaultPlan = environment.getProperty("plugboard.default-plan", String.class)
                .orElse(limits.containsKey("free") ? "free" : limits.keySet().iterator().next());
        return new PlanLimits(limits, defaultPlan);
    }

    @Singleton
    HealthConfiguration healthConfiguration(Environment environment) {
        return HealthConfiguration.from(environment);
    }

    @Singleton
    PluginHealthUseCase health(Plugboard plugboard) {
        return plugboard.health();
    }

    @Singleton
    AlertsUseCase alerts(Plugboard plugboard) {
        return plugboard.alerts();
    }

    @Singleton
    WorkflowConfiguration workflowConfiguration(Environment environment) {
        return WorkflowConfiguration.from(environment);
    }

    @Singleton
    ManageWorkflowsUseCase workflows(Plugboard plugboard) {
        return plugboard.workflows().manage();
    }

    @Singleton
    RunWorkflowsUseCase workflowRuns(Plugboard plugboard) {
        return plugboard.workflows().runs();
    }

    @Singleton
    ReceiveWebhookUseCase webhooks(Plugboard plugboard) {
        return plugboard.workflows().webhooks();
    }

    @Singleton
    CatalogUseCases catalog(Plugboard plugboard) {
        return plugboard.catalog();
    }

    @Singleton
    SyncCatalogUseCase catalogSync(Plugboard plugboard) {
        return plugboard.catalogSync();
    }

    @Singleton
    DeclarativeStateUseCase state(Plugboard plugboard) {
        return plugboard.state();
    }

    @Singleton
    PurgePluginUseCase purge(Plugboard plugboard) {
        return plugboard.purge();
    }

    @Singleton
    ApprovePluginsUseCase approvals(Plugboard plugboard) {
        return plugboard.approvals();
    }

    @Singleton
    InstallationUseCases installations(Plugboard plugboard) {
        return plugboard.installations();
    }

    @Singleton
    RunUseCases runs(Plugboard plugboard) {
        return plugboard.runs();
    }

    @Singleton
    ReadAuditTrailUseCase audit(Plugboard plugboard) {
        return plugboard.audit();
    }

    @Singleton
    WorkerRunsUseCase workers(Plugboard plugboard) {
        return plugboard.workers();
    }

    @Singleton
    PublishEventUseCase events(Plugboard plugboard) {
        return plugboard.events();
    }

    @Singleton
    CircuitsUseCase circuits(Plugboard plugboard) {
        return plugboard.circuits();
    }

    @Singleton
    SecretKeysUseCase secretKeys(Plugboard plugboard) {
        return plugboard.secretKeys();
    }

    @Singleton
    RoleGrantsUseCase grants(Plugboard plugboard) {
        return plugboard.grants();
    }

    @Singleton
    AnalyticsStatsUseCase analytics(Plugboard plugboard) {
        return plugboard.analytics();
    }

    @Singleton
    ProvisionOwnerUseCase owners(Plugboard plugboard) {
        return plugboard.owners();
    }
}
