package dev.plugboard.application.service.installation;

import dev.plugboard.application.port.out.Telemetry;

import dev.plugboard.application.port.in.installation.InstallationUseCases;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.InstallationRepository.WithOverrides;
import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.catalog.ApprovalService;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.Provenance;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.installation.PlanLimits;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SettingsValidation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.plugboard.application.service.installation.InstallationStates.audited;
import static dev.plugboard.application.service.installation.InstallationStates.view;

/** Installations: an owner's plugins, their settings and their switch. */
public final class InstallationService implements InstallationUseCases {

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final OwnerDirectory owners;
    private final SettingsPolicy settingsPolicy;
    private final PlanLimits planLimits;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final IdSource ids;
    private final SettingsVault vault;
    private final SettingsChange changes;
    private final LifecycleHooks hooks;
    private final PluginApprovalRepository approvals;
    private final EnvironmentOverrides overrides;

    public InstallationService(PluginRepository plugins, InstallationRepository installations, OwnerDirectory owners,
                               SettingsPolicy settingsPolicy, SettingsVault vault, PlanLimits planLimits,
                               AuditTrail audit, TimeSource clock, IdSource ids, Telemetry telemetry, LifecycleHooks hooks,
                               PluginApprovalRepository approvals) {
        this.plugins = plugins;
        this.installations = installations;
        this.owners = owners;
        this.settingsPolicy = settingsPolicy;
        this.planLimits = planLimits;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.vault = vault;
        this.hooks = hooks;
        this.approvals = approvals;
        this.changes = new SettingsChange(settingsPolicy, vault, telemetry, hooks);
        this.overrides = new EnvironmentOverrides(settingsPolicy, vault, hooks);
    }

    @Override
    public InstallationView install(InstallPluginCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.installationTarget(owner.toString(), command.plugin().value());
        return audit.perform(command.caller().actor(), AuditAction.INSTALL, target, () -> {
            // Not in the catalog may mean held for approval, or rejected: say so rather than "not found".
            Plugin plugin = plugins.find(command.plugin())
                    .orElseThrow(() -> ApprovalService.notInCatalog(approvals, command.plugin()));
            plugin.requireEnabled();
            // Held to the end of the transaction: two installs of one owner must not both count N and both add.
            owners.lockForChanges(owner, clock.now());
            if (installations.find(owner, plugin.name()).isPresent()) {
                throw new PluginAlreadyInstalledException(owner, plugin.name().value());
            }
            planLimits.requireRoomForOneMore(owner, command.caller().plan().orElse(null), installations.countByOwner(owner));
            SettingsChange.Proposal proposal = changes.propose(plugin.manifest().settingsSpec(), Optional.empty(),
                    command.settings().orElse(JsonDocument.empty()));
            UUID id = ids.newId();
            SealedSettings settings = proposal.sealFor(id, vault);
            hooks.beforeInstall(plugin.name(), owner, proposal.validation().effectiveSettings());
            Installation installed = installations.add(Installation.install(id, owner, plugin.name(), settings,
                    command.enabled().orElse(true), clock.now()).withProvenance(Provenance.of(
                    command.caller().actor().toString(), plugin.version().toString())));
            audit.success(command.caller().actor(), AuditAction.INSTALL, target, null, audited(installed), "");
            return view(plugin, installed);
        });
    }

    @Override
    public void uninstall(UninstallPluginCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.installationTarget(owner.toString(), command.plugin().value());
        audit.perform(command.caller().actor(), AuditAction.UNINSTALL, target, () -> {
            Installation current = installation(owner, command.plugin());
            Plugin plugin = plugin(command.plugin());
            // A concurrent uninstall may have removed it since we read it: then this one removed nothing, and says so.
            if (!installations.remove(owner, command.plugin())) {
                throw new InstallationNotFoundException(owner, command.plugin().value());
            }
            String hookFailure = hooks.afterUninstall(current).orElse("");
            audit.success(command.caller().actor(), AuditAction.UNINSTALL, target, audited(current), null, hookFailure);
            return null;
        });
    }

    @Override
    public InstallationView configure(ConfigureInstallationCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.installationTarget(owner.toString(), command.plugin().value());
        return audit.perform(command.caller().actor(), AuditAction.CONFIGURE, target, () -> {
            // One query for the installation and its overrides: a base change is checked against each of them.
            WithOverrides read = installations.findWithOverrides(owner, command.plugin())
                    .orElseThrow(() -> new InstallationNotFoundException(owner, command.plugin().value()));
            Installation current = read.installation();
            if (command.expectedVersion().isPresent() && command.expectedVersion().getAsLong() != current.version()) {
                throw new ConcurrencyConflictException("installation", owner + "/" + command.plugin(),
                        command.expectedVersion().getAsLong());
            }
            Plugin plugin = plugin(command.plugin());
            if (!command.environment().isDefault()) {
                return configureOverride(command, plugin, read, target);
            }
            SettingsChange.Proposal proposal = changes.propose(plugin.manifest().settingsSpec(), Optional.of(current),
                    command.settings());
            if (proposal.validation().isValid()) {
                overrides.requireStillValid(plugin.manifest().settingsSpec(), read,
                        proposal.validation().effectiveSettings());
            }
            SealedSettings sealed = proposal.sealFor(current.id(), vault);
            hooks.beforeConfigure(current, proposal.validation().effectiveSettings());
            Installation next = current.configure(sealed, clock.now());
            // The audit entry goes with the UPDATE (one round trip); a refused UPDATE rolls both back.
            Installation configured = audit.successWith(command.caller().actor(), AuditAction.CONFIGURE, target,
                    audited(current), audited(next), "", () -> installations.update(next));
            return view(plugin, configured);
        });
    }

    /** One environment's override: the base settings stay as they are. */
    private InstallationView configureOverride(ConfigureInstallationCommand command, Plugin plugin, WithOverrides read,
                                               String target) {
        Environment environment = command.environment();
        Installation current = read.installation();
        SettingsOverride before = read.overrides().get(environment);
        SettingsOverride after = overrides.propose(plugin.manifest().settingsSpec(), read, environment,
                command.settings());
        // The version moves first (compare-and-set): of two edits read at the same version, one is refused.
        Installation changed = audit.successWith(command.caller().actor(), AuditAction.CONFIGURE, target,
                overrideState(environment, before), overrideState(environment, after),
                "override of environment " + environment, () -> installations.update(current.overrideChanged(clock.now())));
        installations.putOverride(current.id(), after);
        return overrides.shown(view(plugin, changed), EnvironmentOverrides.with(read.overrides(), after), environment);
    }

    private static JsonDocument overrideState(Environment environment, SettingsOverride override) {
        return override == null ? null : JsonDocument.of(Map.of("environment", environment.name(),
                "override", override.visible().asMap()));
    }

    @Override
    public InstallationView toggle(ToggleInstallationCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.installationTarget(owner.toString(), command.plugin().value());
        AuditAction action = command.enabled() ? AuditAction.ENABLE : AuditAction.DISABLE;
        return audit.perform(command.caller().actor(), action, target, () -> {
            Installation current = installation(owner, command.plugin());
            Plugin plugin = plugin(command.plugin());
            if (current.isEnabled() == command.enabled()) {
                return view(plugin, current);
            }
            if (command.enabled()) {
                hooks.beforeEnable(current);
            }
            Installation toggled = installations.update(current.toggle(command.enabled(), clock.now()));
            String hookFailure = command.enabled() ? "" : hooks.afterDisable(current).orElse("");
            audit.success(command.caller().actor(), action, target, audited(current), audited(toggled), hookFailure);
            return view(plugin, toggled);
        });
    }

    @Override
    public List<InstallationView> listInstallations(Owner owner) {
        Map<PluginName, Plugin> catalog = plugins.findAll().stream()
                .collect(Collectors.toMap(Plugin::name, plugin -> plugin, (a, b) -> a, LinkedHashMap::new));
        return installations.findByOwner(owner).stream()
                .filter(installation -> catalog.containsKey(installation.plugin()))
                .map(installation -> view(catalog.get(installation.plugin()), installation))
                .toList();
    }

    @Override
    public InstallationView getInstallation(Owner owner, String plugin) {
        return getInstallation(owner, plugin, Environment.DEFAULT);
    }

    @Override
    public InstallationView getInstallation(Owner owner, String plugin, Environment environment) {
        PluginName name = PluginName.of(plugin);
        WithOverrides read = installations.findWithOverrides(owner, name)
                .orElseThrow(() -> new InstallationNotFoundException(owner, plugin));
        return overrides.shown(view(plugin(name), read.installation()), read.overrides(), environment);
    }

    /**
     * The dry run: for an owner who has the plugin installed, the settings are merged over the
     * stored ones exactly as {@link #configure} does; otherwise checked as {@link #install} would.
     */
    @Override
    public ValidationReport validate(ValidateSettingsCommand command) {
        Plugin plugin = plugin(command.plugin());
        Optional<Installation> current = command.owner().flatMap(owner -> installations.find(owner, plugin.name()));
        SettingsChange.Proposal proposal = changes.propose(plugin.manifest().settingsSpec(), current, command.settings());
        SettingsValidation result = proposal.validation();
        return new ValidationReport(result.isValid(), result.violations(), result.summary(), changes.shown(proposal));
    }

    private Plugin plugin(PluginName name) {
        return plugins.find(name).orElseThrow(() -> new PluginNotFoundException(name.value()));
    }

    private Installation installation(Owner owner, PluginName plugin) {
        return installations.find(owner, plugin).orElseThrow(() -> new InstallationNotFoundException(owner, plugin.value()));
    }
}
