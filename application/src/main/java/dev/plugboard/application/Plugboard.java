package dev.plugboard.application;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.owner.ProvisionOwnerUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.in.catalog.CatalogUseCases;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase;
import dev.plugboard.application.port.in.installation.InstallationUseCases;
import dev.plugboard.application.port.in.run.RunUseCases;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.inmemory.InMemoryAuditLog;
import dev.plugboard.application.inmemory.InMemoryCircuitRepository;
import dev.plugboard.application.inmemory.InMemoryEventLog;
import dev.plugboard.application.inmemory.InMemoryRoleGrantRepository;
import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.application.service.access.RoleGrantService;
import dev.plugboard.application.inmemory.InMemoryInstallationStore;
import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.LogContext;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunWakeups;
import dev.plugboard.application.service.execution.ClaimLoop;
import dev.plugboard.application.service.execution.CircuitService;
import dev.plugboard.application.service.execution.EventService;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.LeaseReaper;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.service.execution.RetryScheduler;
import dev.plugboard.application.service.execution.RunAdmission;
import dev.plugboard.application.service.execution.RunOutcomes;
import dev.plugboard.application.service.execution.WorkerService;
import dev.plugboard.application.service.owner.OwnerService;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.OutboundHttp;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import dev.plugboard.application.inmemory.InMemoryInstallationRepository;
import dev.plugboard.application.inmemory.InMemoryOwnerDirectory;
import dev.plugboard.application.inmemory.InMemoryPluginRepository;
import dev.plugboard.application.inmemory.InMemoryRunRepository;
import dev.plugboard.application.inmemory.InMemorySecretCipher;
import dev.plugboard.application.inmemory.InMemoryTransactionBoundary;
import dev.plugboard.application.inmemory.StaticManifestSource;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.analytics.AnalyticsStatsService;
import dev.plugboard.application.service.audit.AuditQueryService;
import dev.plugboard.application.service.catalog.CatalogService;
import dev.plugboard.application.service.catalog.CatalogSync;
import dev.plugboard.application.service.catalog.PurgeService;
import dev.plugboard.application.service.installation.InstallationService;
import dev.plugboard.application.service.installation.LifecycleHooks;
import dev.plugboard.application.service.catalog.ApprovalService;
import dev.plugboard.application.inmemory.InMemoryPluginApprovalRepository;
import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.domain.approval.NewPluginsPolicy;
import dev.plugboard.application.service.run.RunService;
import dev.plugboard.application.service.secret.SecretKeysService;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.service.catalog.SchemaImpact;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.installation.PlanLimits;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.ArrayList;
import dev.plugboard.application.inmemory.InMemoryTriggerLedger;
import dev.plugboard.application.inmemory.InMemoryWorkflowRepository;
import dev.plugboard.application.inmemory.InMemoryWorkflowRunRepository;
import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.application.port.out.workflow.WebhookSigner;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.application.service.workflow.WorkflowSettings;
import dev.plugboard.application.service.workflow.Workflows;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Optional;
import dev.plugboard.application.inmemory.InMemoryAlertRepository;
import dev.plugboard.application.inmemory.InMemoryHealthRepository;
import dev.plugboard.application.inmemory.InMemoryHealthSignals;
import dev.plugboard.application.port.out.monitoring.AlertRepository;
import dev.plugboard.application.port.out.monitoring.HealthRepository;
import dev.plugboard.application.port.out.monitoring.HealthSignalSource;
import dev.plugboard.application.port.out.monitoring.JobLock;
import dev.plugboard.application.service.monitoring.AlertService;
import dev.plugboard.application.service.monitoring.HealthService;
import dev.plugboard.application.service.monitoring.HealthSettings;

/**
 * Plugboard's use cases wired together. With no ports given, everything lives in memory: no
 * database and no framework, which is how a JVM application embeds Plugboard. The server wires
 * the same services with its PostgreSQL adapters.
 */
public final class Plugboard {

    private final CatalogService catalog;
    private final CatalogSync catalogSync;
    private final PurgeService purge;
    private final ApprovalService approvals;
    private final InstallationService installations;
    private final RunService runs;
    private final AuditQueryService audit;
    private final SettingsPolicy settingsPolicy;
    private final WorkerService workers;
    private final EventService events;
    private final CircuitService circuits;
    private final LeaseReaper reaper;
    private final Builder wiring;
    private final RunOutcomes outcomes;
    private final RunAdmission admission;
    private final OwnerService owners;
    private final SettingsVault vault;
    private final SecretKeysService secretKeys;
    private final RoleGrantService grants;
    private final Workflows workflows;
    private final AnalyticsStatsService analytics;
    private final AlertService alerts;
    private final HealthService health;
    private final dev.plugboard.application.service.state.DeclarativeStateService state;

    private Plugboard(Builder b) {
        this.wiring = b;
        this.settingsPolicy = b.settingsPolicy;
        this.vault = new SettingsVault(b.secretCipher, b.environment, b.installations);
        AuditTrail trail = new AuditTrail(b.auditLog, b.transactions, b.clock, b.ids, b.environment.name());
        this.outcomes = new RunOutcomes(b.runs, b.installations, b.circuits, b.executionSettings.circuit(), b.clock,
                new RetryScheduler(b.plugins, () -> ThreadLocalRandom.current().nextDouble()), b.telemetry);
        this.admission = new RunAdmission(b.plugins, b.installations, outcomes, b.handlers);
        ManifestSource manifests = new WithHandlerManifests(b.manifests, b.handlers);
        SchemaImpact impact = new SchemaImpact(b.installations, b.settingsPolicy, trail, vault);
        this.catalog = new CatalogService(b.plugins, impact, manifests, b.settingsPolicy, trail, b.clock);
        this.catalogSync = new CatalogSync(b.plugins, impact, manifests, b.settingsPolicy, trail, b.clock,
                b.newPlugins, b.pluginApprovals);
        this.approvals = new ApprovalService(b.pluginApprovals, trail, b.clock);
        this.purge = new PurgeService(b.plugins, b.installations, trail);
        this.installations = new InstallationService(b.plugins, b.installations, b.owners, b.settingsPolicy, vault,
                b.planLimits, trail, b.clock, b.ids, b.telemetry, new LifecycleHooks(b.handlers, b.hookTimeout, vault),
                b.pluginApprovals);
        this.secretKeys = new SecretKeysService(b.installations, b.plugins, b.settingsPolicy, vault, b.transactions, trail);
        this.runs = new RunService(admission, b.runs, b.owners, b.settingsPolicy, trail, b.clock, b.ids, b.telemetry,
                b.environment);
        this.audit = new AuditQueryService(b.auditLog);
        this.workers = new WorkerService(b.queue, b.runs, b.plugins, admission, outcomes, b.transactions, b.clock,
                b.settingsPolicy, vault);
        this.events = new EventService(b.plugins, b.installations, b.runs, b.events, runs, b.transactions, b.clock, trail,
                b.telemetry);
        this.circuits = new CircuitService(b.circuits, b.plugins, trail, b.transactions, b.clock);
        this.owners = new OwnerService(b.owners, b.transactions, b.clock);
        this.grants = new RoleGrantService(b.roleGrants, trail, b.transactions, b.clock);
        this.workflows = b.templates == null || b.crons == null ? null
                : new Workflows(new Workflows.Ports(b.workflowRepository, b.workflowRuns, b.triggerLedger, b.templates,
                        b.crons, b.plugins, b.installations, b.runs, runs, b.settingsPolicy, b.secretCipher, trail,
                        b.transactions, b.clock, b.ids, b.workflowLog, b.webhookSigner, b.telemetry), b.workflowSettings);
        if (workflows != null) {
            events.followedBy(workflows.eventFollowers());
        }
        this.analytics = new AnalyticsStatsService(b.installations, b.store, b.transactions, b.clock);
        this.alerts = new AlertService(b.alertRepository, events, trail, b.clock, b.ids, b.healthSettings.alertsOwner(),
                b.alertLog);
        this.health = new HealthService(b.plugins, b.healthRepository, b.healthSignals, b.jobLock, b.transactions, b.clock,
                b.healthSettings, b.handlers, alerts);
        this.state = new dev.plugboard.application.service.state.DeclarativeStateService(b.plugins, b.installations,
                installations, catalog, b.settingsPolicy, vault, trail, b.workflowRepository, workflows);
        this.reaper = new LeaseReaper(b.queue, b.circuits, b.plugins, outcomes, b.transactions, b.clock,
                b.executionSettings.idleCircuit());
    }

    /**
     * Workflows: manage, run, test, webhooks, and the engine and scheduler to call periodically.
     *
     * @throws IllegalStateException when no template engine is on the class path (add
     *                               {@code plugboard-adapters-workflow-language}, or call {@link Builder#workflowLanguage})
     */
    public Workflows workflows() {
        if (workflows == null) {
            throw new IllegalStateException("workflows need a template engine and cron schedules: add "
                    + "dev.plugboard:plugboard-adapters-workflow-language to the class path, or call workflowLanguage(...)");
        }
        return workflows;
    }

    /** Export and apply of the declarative state (switches, installations, settings and overrides). */
    public DeclarativeStateUseCase state() {
        return state;
    }

    /** The analytics plugin's statistics, read from its store without a run. */
    public AnalyticsStatsUseCase analytics() {
        return analytics;
    }

    /** Plugin health as judged by the last {@link #evaluateHealth()}. */
    public PluginHealthUseCase health() {
        return health;
    }

    /** Judges every plugin's health and raises or resolves alerts; call it periodically. @return how many plugins were judged */
    public int evaluateHealth() {
        return health.evaluate();
    }

    /** Alerts: list, acknowledge, resolve. */
    public AlertsUseCase alerts() {
        return alerts;
    }

    /** External workers: claim, heartbeat, complete, fail. */
    public WorkerRunsUseCase workers() {
        return workers;
    }

    /** Publish events to subscribing installations. */
    public PublishEventUseCase events() {
        return events;
    }

    /** Provisions users and organizations on first sight. */
    public ProvisionOwnerUseCase owners() {
        return owners;
    }

    /** Roles granted to subjects by administrators. */
    public RoleGrantsUseCase grants() {
        return grants;
    }

    /** Circuit breaker stats and overrides. */
    public CircuitsUseCase circuits() {
        return circuits;
    }

    /** Recovers runs whose executor died; call {@link LeaseReaper#reap()} periodically. */
    public LeaseReaper reaper() {
        return reaper;
    }

    /** The in-process handlers this Plugboard runs. */
    public HandlerRegistry handlers() {
        return wiring.handlers;
    }

    /**
     * A new executor for the in-process handlers, with this instance's settings. Call
     * {@link RunExecutor#poll()} periodically; close it to stop.
     */
    public RunExecutor newExecutor() {
        Builder b = wiring;
        return new RunExecutor(b.queue, admission, outcomes, b.runs, b.store, b.handlers, b.settingsPolicy, vault,
                b.transactions, b.clock, b.executionSettings, b.outbound, b.logContext);
    }

    /**
     * A new executor driven by a {@link ClaimLoop}: it claims at once when a run becomes pending
     * (the storage's {@link RunWakeups}) or a slot frees after a full claim, and polls every
     * {@code pollInterval} as the fallback. Call {@link ClaimLoop#start()}; close it to stop.
     */
    public ClaimLoop newClaimLoop(java.time.Duration pollInterval) {
        return new ClaimLoop(newExecutor(), wiring.wakeups, pollInterval);
    }

    /** A builder whose every port defaults to its in-memory adapter. */
    public static Builder builder() {
        return new Builder();
    }

    /** Browse, register and switch plugins. */
    public CatalogUseCases catalog() {
        return catalog;
    }

    /** Plan and apply a sync of the catalog with the manifests. */
    public SyncCatalogUseCase catalogSync() {
        return catalogSync;
    }

    /** Plugin versions held under {@code pending-approval}, and administrators' decisions on them. */
    public ApprovePluginsUseCase approvals() {
        return approvals;
    }

    /** Remove retired plugins nobody uses any more. */
    public PurgePluginUseCase purge() {
        return purge;
    }

    /** Install, configure, toggle, list and validate. */
    public InstallationUseCases installations() {
        return installations;
    }

    /** Start, read and cancel runs. */
    public RunUseCases runs() {
        return runs;
    }

    /** Rotate the secrets key, re-encrypt, seal plain-text secrets of older versions. */
    public SecretKeysUseCase secretKeys() {
        return secretKeys;
    }

    /** Read the audit trail. */
    public ReadAuditTrailUseCase audit() {
        return audit;
    }

    public SettingsPolicy settingsPolicy() {
        return settingsPolicy;
    }

    /** Brings the catalog in line with the manifest sources, as the server does on start. */
    public SyncCatalogUseCase.SyncReport syncCatalog() {
        return catalogSync.sync(new SyncCatalogUseCase.SyncCatalogCommand(Actor.system(), Optional.empty()));
    }

    /** Collects the ports and policies; anything not set is in memory or a documented default. */
    public static final class Builder {
        private PluginRepository plugins;
        private InstallationRepository installations;
        private RunRepository runs;
        private OwnerDirectory owners;
        private AuditLog auditLog;
        private TransactionBoundary transactions;
        private ManifestSource manifests;
        private final List<PluginManifest> staticManifests = new ArrayList<>();
        private TimeSource clock = TimeSource.system();
        private IdSource ids = IdSource.random();
        private SettingsPolicy settingsPolicy = new SettingsPolicy();
        private SecretCipher secretCipher;
        private PlanLimits planLimits = PlanLimits.DEFAULT;
        private RunQueue queue;
        private RunWakeups wakeups;
        private CircuitRepository circuits;
        private InstallationStore store;
        private EventLog events;
        private RoleGrantRepository roleGrants;
        private HandlerRegistry handlers;
        private OutboundHttp outbound;
        private LogContext logContext = LogContext.none();
        private ExecutionSettings executionSettings = ExecutionSettings.defaults("plugboard-" + UUID.randomUUID().toString().substring(0, 8));
        private WorkflowRepository workflowRepository;
        private WorkflowRunRepository workflowRuns;
        private TriggerLedger triggerLedger;
        private TemplateEngine templates;
        private CronSchedules crons;
        private WorkflowSettings workflowSettings = WorkflowSettings.defaults();
        private Consumer<String> workflowLog = line -> { };
        private WebhookSigner webhookSigner;
        private Telemetry telemetry = Telemetry.NONE;
        private HealthRepository healthRepository;
        private AlertRepository alertRepository;
        private HealthSignalSource healthSignals;
        private JobLock jobLock = JobLock.alone();
        private HealthSettings healthSettings = HealthSettings.defaults();
        private Consumer<String> alertLog = line -> { };
        private Duration hookTimeout = Duration.ofSeconds(5);
        private NewPluginsPolicy newPlugins = NewPluginsPolicy.ENABLED;
        private PluginApprovalRepository pluginApprovals = new InMemoryPluginApprovalRepository();
        private dev.plugboard.domain.installation.Environment environment =
                dev.plugboard.domain.installation.Environment.DEFAULT;

        private Builder() {
        }

        /**
         * The environment this process runs in: runs use their installations' overrides for it, and
         * audit entries name it; {@code default} unless set.
         */
        public Builder environment(dev.plugboard.domain.installation.Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Where health verdicts and alerts are kept, where the health job reads its signals, and the
         * lock that lets one instance at a time run it; in memory (one process) unless set.
         */
        public Builder monitoringStorage(HealthRepository verdicts, AlertRepository alerts, HealthSignalSource signals,
                                         JobLock lock) {
            this.healthRepository = Objects.requireNonNull(verdicts, "verdicts");
            this.alertRepository = Objects.requireNonNull(alerts, "alerts");
            this.healthSignals = Objects.requireNonNull(signals, "signals");
            this.jobLock = Objects.requireNonNull(lock, "lock");
            return this;
        }

        /** How long a plugin's lifecycle hook may take before it counts as failed; 5 s unless set. */
        public Builder hookTimeout(Duration timeout) {
            this.hookTimeout = Objects.requireNonNull(timeout, "hookTimeout");
            return this;
        }

        /** Health thresholds, windows and the owner of plugin-wide alert events; {@link HealthSettings#defaults()} unless set. */
        public Builder healthSettings(HealthSettings settings) {
            this.healthSettings = Objects.requireNonNull(settings, "healthSettings");
            return this;
        }

        /** Where an opened alert is reported as a warning line. */
        public Builder alertLog(Consumer<String> log) {
            this.alertLog = Objects.requireNonNull(log, "alertLog");
            return this;
        }

        /** Where workflows, their runs and the trigger ledger are kept; in memory unless set. */
        public Builder workflowStorage(WorkflowRepository repository, WorkflowRunRepository runs, TriggerLedger ledger) {
            this.workflowRepository = Objects.requireNonNull(repository, "workflows");
            this.workflowRuns = Objects.requireNonNull(runs, "workflowRuns");
            this.triggerLedger = Objects.requireNonNull(ledger, "triggerLedger");
            return this;
        }

        /**
         * The template engine and cron reader of workflows. By default the first of each found on
         * the class path (plugboard-adapters-workflow-language provides CEL and cron-utils ones).
         */
        public Builder workflowLanguage(TemplateEngine engine, CronSchedules schedules) {
            this.templates = Objects.requireNonNull(engine, "templates");
            this.crons = Objects.requireNonNull(schedules, "crons");
            return this;
        }

        /**
         * How webhook signatures are checked. By default the first {@code WebhookSigner} on the class
         * path (plugboard-adapters-secrets provides Tink's HMAC-SHA256); with none, every delivery is refused.
         */
        public Builder webhookSigner(WebhookSigner signer) {
            this.webhookSigner = Objects.requireNonNull(signer, "webhookSigner");
            return this;
        }

        /** Workflow limits and timings; {@link WorkflowSettings#defaults()} unless set. */
        /** Where the use cases report runs, attempts, events and validations for meters; reports nothing by default. */
        public Builder telemetry(Telemetry sink) {
            this.telemetry = Objects.requireNonNull(sink, "telemetry");
            return this;
        }

        public Builder workflowSettings(WorkflowSettings settings) {
            this.workflowSettings = Objects.requireNonNull(settings, "workflowSettings");
            return this;
        }

        /** Where workflow jobs report what an operator should know (a schedule that could not fire). */
        public Builder workflowLog(Consumer<String> log) {
            this.workflowLog = Objects.requireNonNull(log, "workflowLog");
            return this;
        }

        /** The in-process handlers; by default every {@code PluginHandler} on the class path. */
        public Builder handlers(HandlerRegistry registry) {
            this.handlers = Objects.requireNonNull(registry, "handlers");
            return this;
        }

        /**
         * The guarded HTTP client handlers use. By default the first {@code OutboundHttp} found on
         * the class path (plugboard-adapters-outbound provides one, configured from
         * {@code PLUGBOARD_OUTBOUND_ALLOW}); with none, every outbound request is refused.
         */
        public Builder outboundHttp(OutboundHttp client) {
            this.outbound = Objects.requireNonNull(client, "outboundHttp");
            return this;
        }

        /** Where a run's id, plugin and owner go while it executes (SLF4J's MDC in the server); nowhere unless set. */
        public Builder logContext(LogContext context) {
            this.logContext = Objects.requireNonNull(context, "logContext");
            return this;
        }

        public Builder executionSettings(ExecutionSettings settings) {
            this.executionSettings = Objects.requireNonNull(settings, "executionSettings");
            return this;
        }

        /** What tells executors at once that a run became pending; the in-memory queue's own signal, or none, unless set. */
        public Builder runWakeups(RunWakeups signal) {
            this.wakeups = Objects.requireNonNull(signal, "wakeups");
            return this;
        }

        /** The execution storage that goes with {@link #storage}: run queue, circuits, plugin store, event log. */
        public Builder executionStorage(RunQueue queue, CircuitRepository circuits, InstallationStore store, EventLog events) {
            this.queue = Objects.requireNonNull(queue, "queue");
            this.circuits = Objects.requireNonNull(circuits, "circuits");
            this.store = Objects.requireNonNull(store, "store");
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * What a sync does with a new plugin, or a version asking for more ({@code plugboard.catalog.new-plugins}),
         * and where held versions are kept; enabled, in memory unless set.
         */
        public Builder newPlugins(NewPluginsPolicy policy, PluginApprovalRepository approvals) {
            this.newPlugins = Objects.requireNonNull(policy, "newPlugins");
            this.pluginApprovals = Objects.requireNonNull(approvals, "pluginApprovals");
            return this;
        }

        /** Where role grants are kept; in memory unless set (and then outside the in-memory transactions). */
        public Builder roleGrants(RoleGrantRepository repository) {
            this.roleGrants = Objects.requireNonNull(repository, "roleGrants");
            return this;
        }

        /** Adds manifests defined in code; ignored when a {@link #manifestSource} is set. */
        public Builder manifest(PluginManifest manifest) {
            staticManifests.add(Objects.requireNonNull(manifest, "manifest"));
            return this;
        }

        public Builder manifestSource(ManifestSource source) {
            this.manifests = source;
            return this;
        }

        public Builder planLimits(PlanLimits limits) {
            this.planLimits = Objects.requireNonNull(limits, "planLimits");
            return this;
        }

        public Builder clock(TimeSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder ids(IdSource ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * How secret settings are encrypted. By default they are held in this process's memory only
         * ({@link InMemorySecretCipher}); with storage of your own, pass a real cipher.
         */
        public Builder secretCipher(SecretCipher cipher) {
            this.secretCipher = Objects.requireNonNull(cipher, "secretCipher");
            return this;
        }

        public Builder settingsPolicy(SettingsPolicy policy) {
            this.settingsPolicy = Objects.requireNonNull(policy, "settingsPolicy");
            return this;
        }

        /**
         * Replaces the storage: every repository, the audit log and the transaction boundary
         * that spans them. They come as a set because a transaction must cover all of them.
         */
        public Builder storage(PluginRepository plugins, InstallationRepository installations, RunRepository runs,
                               OwnerDirectory owners, AuditLog auditLog, TransactionBoundary transactions) {
            this.plugins = Objects.requireNonNull(plugins, "plugins");
            this.installations = Objects.requireNonNull(installations, "installations");
            this.runs = Objects.requireNonNull(runs, "runs");
            this.owners = Objects.requireNonNull(owners, "owners");
            this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        public Plugboard build() {
            if (plugins == null) {
                InMemoryPluginRepository memoryPlugins = new InMemoryPluginRepository();
                InMemoryInstallationRepository memoryInstallations = new InMemoryInstallationRepository();
                InMemoryRunRepository memoryRuns = new InMemoryRunRepository();
                InMemoryOwnerDirectory memoryOwners = new InMemoryOwnerDirectory();
                InMemoryAuditLog memoryAudit = new InMemoryAuditLog();
                InMemoryCircuitRepository memoryCircuits = new InMemoryCircuitRepository();
                InMemoryInstallationStore memoryStore = new InMemoryInstallationStore();
                InMemoryEventLog memoryEvents = new InMemoryEventLog();
                InMemoryRoleGrantRepository memoryGrants = new InMemoryRoleGrantRepository();
                InMemoryWorkflowRunRepository memoryWorkflowRuns = new InMemoryWorkflowRunRepository();
                InMemoryTriggerLedger memoryLedger = new InMemoryTriggerLedger();
                InMemoryWorkflowRepository memoryWorkflows = new InMemoryWorkflowRepository(memoryWorkflowRuns, memoryLedger);
                storage(memoryPlugins, memoryInstallations, memoryRuns, memoryOwners, memoryAudit,
                        new InMemoryTransactionBoundary(List.of(memoryPlugins, memoryInstallations, memoryRuns,
                                memoryOwners, memoryAudit, memoryCircuits, memoryStore, memoryEvents, memoryGrants,
                                memoryWorkflows, memoryWorkflowRuns, memoryLedger)));
                if (workflowRepository == null) {
                    workflowStorage(memoryWorkflows, memoryWorkflowRuns, memoryLedger);
                }
                if (roleGrants == null) {
                    roleGrants = memoryGrants;
                }
                if (queue == null) {
                    executionStorage(memoryRuns, memoryCircuits, memoryStore, memoryEvents);
                }
                if (healthSignals == null) {
                    monitoringStorage(new InMemoryHealthRepository(), new InMemoryAlertRepository(),
                            new InMemoryHealthSignals(memoryRuns, memoryCircuits), JobLock.alone());
                }
            }
            if (queue == null) {
                if (!(runs instanceof RunQueue runQueue)) {
                    throw new IllegalStateException("custom storage needs its execution storage too: call executionStorage(...)");
                }
                // In-memory storage handed in through storage(...): its run repository is also the queue.
                executionStorage(runQueue, new InMemoryCircuitRepository(), new InMemoryInstallationStore(), new InMemoryEventLog());
            }
            if (healthSignals == null) {
                // Storage of one's own without monitoring storage: health stays unknown, nothing is observed.
                monitoringStorage(new InMemoryHealthRepository(), new InMemoryAlertRepository(),
                        runs instanceof InMemoryRunRepository memoryRuns && circuits instanceof InMemoryCircuitRepository memoryCircuits
                                ? new InMemoryHealthSignals(memoryRuns, memoryCircuits) : HealthSignalSource.none(),
                        JobLock.alone());
            }
            if (wakeups == null) {
                // The in-memory queue signals by itself; storage without a signal is polled.
                wakeups = queue instanceof RunWakeups signal ? signal : RunWakeups.NONE;
            }
            if (secretCipher == null) {
                secretCipher = new InMemorySecretCipher();
            }
            if (roleGrants == null) {
                roleGrants = new InMemoryRoleGrantRepository();
            }
            if (handlers == null) {
                handlers = HandlerRegistry.fromClasspath();
            }
            if (outbound == null) {
                // Fail closed: without a guarded client on the class path, plugins reach nothing.
                outbound = ServiceLoader.load(OutboundHttp.class).findFirst().orElseGet(OutboundHttp::refusingAll);
            }
            if (manifests == null) {
                manifests = new StaticManifestSource(staticManifests);
            }
            if (workflowRepository == null) {
                InMemoryWorkflowRunRepository memoryWorkflowRuns = new InMemoryWorkflowRunRepository();
                InMemoryTriggerLedger memoryLedger = new InMemoryTriggerLedger();
                workflowStorage(new InMemoryWorkflowRepository(memoryWorkflowRuns, memoryLedger), memoryWorkflowRuns,
                        memoryLedger);
            }
            if (webhookSigner == null) {
                webhookSigner = ServiceLoader.load(WebhookSigner.class).findFirst().orElseGet(() -> new WebhookSigner() {
                    @Override
                    public String sign(String secret, byte[] content) {
                        throw new IllegalStateException("no webhook signer: add plugboard-adapters-secrets to the class path");
                    }

                    @Override
                    public boolean verify(String secret, byte[] content, String signature) {
                        return false;   // fail closed: without a signer no delivery is genuine
                    }
                });
            }
            if (templates == null && crons == null) {
                ServiceLoader.load(TemplateEngine.class).findFirst().ifPresent(engine ->
                        ServiceLoader.load(CronSchedules.class).findFirst().ifPresent(schedules ->
                                workflowLanguage(engine, schedules)));
            }
            return new Plugboard(this);
        }
    }
}
