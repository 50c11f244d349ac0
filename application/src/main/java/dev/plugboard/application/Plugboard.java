package dev.plugboard.application;

import dev.plugboard.application.inmemory.InMemoryAuditLog;
import dev.plugboard.application.inmemory.InMemoryInstallationRepository;
import dev.plugboard.application.inmemory.InMemoryOwnerDirectory;
import dev.plugboard.application.inmemory.InMemoryPluginRepository;
import dev.plugboard.application.inmemory.InMemoryRunRepository;
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
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.audit.AuditQueryService;
import dev.plugboard.application.service.catalog.CatalogService;
import dev.plugboard.application.service.installation.InstallationService;
import dev.plugboard.application.service.run.RunService;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.installation.PlanLimits;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plugboard's use cases wired together. With no ports given, everything lives in memory: no
 * database and no framework, which is how a JVM application embeds Plugboard. The server wires
 * the same services with its PostgreSQL adapters.
 */
public final class Plugboard {

    private final CatalogService catalog;
    private final InstallationService installations;
    private final RunService runs;
    private final AuditQueryService audit;
    private final SettingsPolicy settingsPolicy;

    private Plugboard(Builder b) {
        this.settingsPolicy = b.settingsPolicy;
        AuditTrail trail = new AuditTrail(b.auditLog, b.transactions, b.clock, b.ids);
        this.catalog = new CatalogService(b.plugins, b.manifests, b.settingsPolicy, trail, b.clock);
        this.installations = new InstallationService(b.plugins, b.installations, b.owners, b.settingsPolicy,
                b.planLimits, trail, b.clock, b.ids);
        this.runs = new RunService(b.plugins, b.installations, b.runs, b.owners, b.settingsPolicy, trail, b.clock, b.ids);
        this.audit = new AuditQueryService(b.auditLog);
    }

    /** A builder whose every port defaults to its in-memory adapter. */
    public static Builder builder() {
        return new Builder();
    }

    /** Browse, register, switch and sync plugins. */
    public CatalogService catalog() {
        return catalog;
    }

    /** Install, configure, toggle, list and validate. */
    public InstallationService installations() {
        return installations;
    }

    /** Start, read and cancel runs. */
    public RunService runs() {
        return runs;
    }

    /** Read the audit trail. */
    public AuditQueryService audit() {
        return audit;
    }

    public SettingsPolicy settingsPolicy() {
        return settingsPolicy;
    }

    /** Brings the catalog in line with the manifest sources, as the server does on start. */
    public SyncCatalogUseCase.SyncReport syncCatalog() {
        return catalog.sync(new SyncCatalogUseCase.SyncCatalogCommand(Actor.system(), Optional.empty()));
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
        private PlanLimits planLimits = PlanLimits.DEFAULT;

        private Builder() {
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
                storage(memoryPlugins, memoryInstallations, memoryRuns, memoryOwners, memoryAudit,
                        new InMemoryTransactionBoundary(List.of(memoryPlugins, memoryInstallations, memoryRuns,
                                memoryOwners, memoryAudit)));
            }
            if (manifests == null) {
                manifests = new StaticManifestSource(staticManifests);
            }
            return new Plugboard(this);
        }
    }
}
