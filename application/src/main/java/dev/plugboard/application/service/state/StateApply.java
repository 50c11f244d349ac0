package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ApplyCommand;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ApplyReport;
import dev.plugboard.application.port.in.state.StateProblemsException;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.installation.InstallationService;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.MergePatch;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.SettingsValidation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Makes the database match a state document: reads and checks all of it first (every bad
 * reference and every invalid setting named, nothing changed), then works out the changes and,
 * unless it is a dry run, makes them in one audited transaction through the ordinary use cases, each of
 * which joins it as a savepoint and keeps its own audit entry. What already matches is left alone,
 * so applying the same document twice changes nothing the second time.
 */
final class StateApply {

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final InstallationService installing;
    private final SwitchPluginUseCase switching;
    private final SettingsPolicy policy;
    private final SettingsVault vault;
    private final AuditTrail audit;
    private final StateExport scope;
    private final StateWorkflows workflows;

    StateApply(PluginRepository plugins, InstallationRepository installations, InstallationService installing,
               SwitchPluginUseCase switching, SettingsPolicy policy, SettingsVault vault, AuditTrail audit,
               StateWorkflows workflows) {
        this.plugins = plugins;
        this.installations = installations;
        this.installing = installing;
        this.switching = switching;
        this.policy = policy;
        this.vault = vault;
        this.audit = audit;
        this.scope = new StateExport(plugins, installations, workflows);
        this.workflows = workflows;
    }

    ApplyReport apply(ApplyCommand command) {
        List<String> problems = new ArrayList<>();
        DesiredState desired = DesiredState.read(command.state(), command.references(), problems);
        desired.switches().forEach(wanted -> plugin(wanted.plugin().value(), "plugins", problems));
        desired.installations().forEach(wanted -> check(wanted, problems));
        List<WorkflowEntries.Wanted> wantedWorkflows = workflowsOf(command, problems);
        if (!problems.isEmpty()) {
            throw new StateProblemsException(problems);
        }
        StateWorkflows.Plan plan = new StateWorkflows.Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        plan(command.actor(), desired, wantedWorkflows, command.prune(), plan);
        List<String> changes = plan.changes();
        if (!command.dryRun() && !plan.steps().isEmpty()) {
            String target = "state:" + desired.owner().map(Object::toString).orElse("all");
            audit.perform(command.actor(), AuditAction.STATE_APPLIED, target, () -> {
                List<Runnable> steps = plan.steps();
                for (int done = 0; done < steps.size(); done++) {
                    steps.get(done).run();
                    command.progress().progress(DeclarativeStateUseCase.APPLY_TASK, done + 1, steps.size());
                }
                if (!plan.failures().isEmpty()) {
                    throw new StateProblemsException(plan.failures());
                }
                audit.success(command.actor(), AuditAction.STATE_APPLIED, target, null, null,
                        changes.size() + " change(s)" + (command.prune() ? ", pruned" : "") + ": " + String.join("; ", changes));
                return null;
            });
        }
        return new ApplyReport(command.dryRun(), changes, plan.unchanged());
    }

    /** The document's workflows, read and checked as far as they can be before anything changes. */
    private List<WorkflowEntries.Wanted> workflowsOf(ApplyCommand command, List<String> problems) {
        Map<String, Object> fields = command.state().asMap();
        if (!workflows.available()) {
            if (fields.get(WorkflowEntries.KEY) instanceof List<?> listed && !listed.isEmpty()) {
                problems.add(WorkflowEntries.KEY + ": this Plugboard has no workflow language; add "
                        + "plugboard-adapters-workflow-language to apply workflows");
            }
            return List.of();
        }
        return WorkflowEntries.read(fields, command.references(), problems);
    }

    private Optional<Plugin> plugin(String name, String where, List<String> problems) {
        Optional<Plugin> plugin = plugins.find(dev.plugboard.domain.plugin.PluginName.of(name));
        if (plugin.isEmpty()) {
            problems.add(where + ": no plugin '" + name + "' in the catalog (register or sync it first)");
        }
        return plugin;
    }

    /** The settings, and each environment's whole settings, validated as an install and a configure would. */
    private void check(DesiredState.Wanted wanted, List<String> problems) {
        plugin(wanted.plugin().value(), wanted.where(), problems).ifPresent(plugin -> {
            SettingsSpec spec = plugin.manifest().settingsSpec();
            SettingsValidation base = policy.validate(spec, wanted.settings());
            base.violations().forEach(v -> problems.add(wanted.where() + " settings " + v));
            wanted.overrides().forEach((environment, override) -> policy.validate(spec,
                    MergePatch.apply(base.effectiveSettings(), override)).violations()
                    .forEach(v -> problems.add(wanted.where() + " overrides." + environment + " (whole settings) " + v)));
        });
    }

    private void plan(Actor actor, DesiredState desired, List<WorkflowEntries.Wanted> wantedWorkflows, boolean prune,
                      StateWorkflows.Plan plan) {
        List<String> changes = plan.changes();
        List<Runnable> steps = plan.steps();
        for (DesiredState.Switch wanted : desired.switches()) {
            Plugin plugin = plugins.find(wanted.plugin()).orElseThrow();
            if (plugin.isEnabled() != wanted.enabled()) {
                changes.add("~ plugin " + wanted.plugin() + ": " + (wanted.enabled() ? "enable" : "disable"));
                steps.add(() -> switching.switchPlugin(new SwitchPluginCommand(actor, wanted.plugin(), wanted.enabled(), false)));
            }
        }
        Set<String> named = new HashSet<>();
        for (DesiredState.Wanted wanted : desired.installations()) {
            named.add(wanted.owner() + "/" + wanted.plugin());
            planInstallation(new Caller(actor, wanted.owner(), Optional.empty()), wanted, changes, steps);
        }
        if (workflows.available()) {
            workflows.plan(actor, desired.owner(), wantedWorkflows, prune, plan);
        }
        if (prune) {
            scope.inScope(desired.owner()).stream()
                    .filter(installation -> !named.contains(installation.owner() + "/" + installation.plugin()))
                    .forEach(installation -> {
                        changes.add("- uninstall " + installation.owner() + "/" + installation.plugin());
                        steps.add(() -> installing.uninstall(new UninstallPluginCommand(
                                new Caller(actor, installation.owner(), Optional.empty()), installation.plugin())));
                    });
        }
    }

    private void planInstallation(Caller caller, DesiredState.Wanted wanted, List<String> changes, List<Runnable> steps) {
        String name = wanted.owner() + "/" + wanted.plugin();
        SettingsSpec spec = plugins.find(wanted.plugin()).orElseThrow().manifest().settingsSpec();
        Optional<Installation> current = installations.find(wanted.owner(), wanted.plugin());
        JsonDocument desiredBase = policy.validate(spec, wanted.settings()).effectiveSettings();
        Map<Environment, SettingsOverride> storedOverrides = current.map(i -> installations.overrides(i.id())).orElse(Map.of());
        if (current.isEmpty()) {
            changes.add("+ install " + name);
            steps.add(() -> installing.install(new InstallPluginCommand(caller, wanted.plugin(), Optional.of(wanted.settings()),
                    Optional.of(wanted.enabled()))));
        } else {
            JsonDocument stored = vault.inClear(current.get());
            if (!stored.equals(desiredBase)) {
                changes.add("~ configure " + name);
                steps.add(() -> installing.configure(new ConfigureInstallationCommand(caller, wanted.plugin(),
                        MergePatch.diff(stored, desiredBase), OptionalLong.empty())));
            }
            if (current.get().isEnabled() != wanted.enabled()) {
                changes.add("~ " + (wanted.enabled() ? "enable " : "disable ") + name);
                steps.add(() -> installing.toggle(new ToggleInstallationCommand(caller, wanted.plugin(), wanted.enabled())));
            }
        }
        Set<Environment> environments = new HashSet<>(storedOverrides.keySet());
        environments.addAll(wanted.overrides().keySet());
        for (Environment environment : environments) {
            JsonDocument was = Optional.ofNullable(storedOverrides.get(environment))
                    .map(o -> o.inClear(vault.sealerFor(current.get().id(), environment))).orElse(JsonDocument.empty());
            JsonDocument wantedOverride = wanted.overrides().getOrDefault(environment, JsonDocument.empty());
            if (!was.equals(wantedOverride)) {
                changes.add("~ override " + name + " in environment " + environment);
                steps.add(() -> installing.configure(new ConfigureInstallationCommand(caller, wanted.plugin(),
                        MergePatch.diff(was, wantedOverride), OptionalLong.empty(), environment)));
            }
        }
        Map<String, String> knownReferences = current.map(i -> installations.secretReferences(i.id())).orElse(Map.of());
        if (!knownReferences.equals(wanted.references())) {
            steps.add(() -> installations.find(wanted.owner(), wanted.plugin()).ifPresent(installed ->
                    installations.putSecretReferences(installed.id(), wanted.references())));
        }
    }
}
