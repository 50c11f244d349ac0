package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.domain.approval.NewPluginsPolicy;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.catalog.SyncPlanner.Step;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Syncs the catalog with the manifests: plans, then (unless a dry run) applies the same plan, audited per plugin. */
public final class CatalogSync implements SyncCatalogUseCase {

    private final PluginRepository plugins;
    private final ManifestSource manifests;
    private final SyncPlanner planner;
    private final SchemaImpact impact;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final ApprovalGate gate;

    public CatalogSync(PluginRepository plugins, SchemaImpact impact, ManifestSource manifests,
                       SettingsPolicy settingsPolicy, AuditTrail audit, TimeSource clock, NewPluginsPolicy newPlugins,
                       PluginApprovalRepository approvals) {
        this.plugins = plugins;
        this.manifests = manifests;
        this.planner = new SyncPlanner(settingsPolicy);
        this.impact = impact;
        this.audit = audit;
        this.clock = clock;
        this.gate = new ApprovalGate(newPlugins, approvals);
    }

    @Override
    public SyncReport sync(SyncCatalogCommand command) {
        if (command.options().dryRun()) {
            return plan(command).report();
        }
        return audit.perform(command.actor(), AuditAction.SYNC, "catalog", () -> {
            Planned planned = plan(command);
            long applying = planned.steps().stream().filter(step -> step.change().applies()).count();
            long applied = 0;
            for (Step step : planned.steps()) {
                if (step.change().applies()) {
                    Plugin after = step.after().orElseThrow();
                    plugins.save(after);
                    if (step.change().schemaChanged()) {
                        impact.revalidate(after.manifest(), command.actor(), clock.now());
                    }
                    audit.success(command.actor(), AuditAction.SYNC, AuditEntry.pluginTarget(after.name().value()),
                            step.before().map(CatalogService::state).orElse(null), CatalogService.state(after), detail(step));
                    command.progress().progress(TASK, ++applied, applying);
                }
            }
            SyncReport report = planned.report();
            // Each change is audited on its plugin; a sync that changed nothing and rejected nothing
            // (every start of every instance) would only add noise to the trail.
            if (!report.added().isEmpty() || !report.updated().isEmpty() || !report.rejected().isEmpty()) {
                audit.success(command.actor(), AuditAction.SYNC, "catalog", null, null, report.summary()
                        + (report.rejected().isEmpty() ? "" : "; rejected: "
                        + String.join("; ", report.rejected().stream().map(Object::toString).toList())));
            }
            return report;
        });
    }

    private record Planned(List<Step> steps, SyncReport report) {
    }

    private Planned plan(SyncCatalogCommand command) {
        ManifestDiscovery discovery = manifests.discover(command.directory());
        List<ManifestDiscovery.Problem> rejected = new ArrayList<>(discovery.problems());
        Map<PluginName, Plugin> catalog = new LinkedHashMap<>();
        plugins.findAll().forEach(plugin -> catalog.put(plugin.name(), plugin));
        List<PluginManifest> ordered = ManifestOrder.dependencyOrder(discovery.manifests(), rejected);
        boolean record = !command.options().dryRun();
        List<Step> steps = new ArrayList<>(planner.plan(ordered, catalog, command.options(), clock.now(),
                        (manifest, step) -> gate.apply(manifest, step, record, clock.now())).stream()
                .map(step -> withImpact(step, ordered)).toList());
        steps.addAll(planner.retirements(discovery.manifests(), catalog, discovery.problems().isEmpty(), clock.now()));
        steps.forEach(step -> step.change().refusal().ifPresent(reason ->
                rejected.add(new ManifestDiscovery.Problem(step.change().plugin(), reason))));
        return new Planned(steps, new SyncReport(command.options().dryRun(), steps.stream().map(Step::change).toList(), rejected));
    }

    /** A line that changes the settings schema says what the new schema does to the stored installations. */
    private Step withImpact(Step step, List<PluginManifest> manifests) {
        if (!step.change().schemaChanged()) {
            return step;
        }
        PluginManifest manifest = manifests.stream().filter(m -> m.name().value().equals(step.change().plugin()))
                .findFirst().orElseThrow();
        return new Step(step.change().withImpact(impact.of(manifest)), step.before(), step.after());
    }

    private static String detail(Step step) {
        if (step.change().action() == SyncCatalogUseCase.Action.RETIRED) {
            return "retired version " + step.change().fromVersion().orElse("") + ": " + String.join("; ", step.change().notes());
        }
        String versions = step.before().map(old -> "version " + old.version() + " -> " + step.change().toVersion().orElse(""))
                .orElse("registered version " + step.change().toVersion().orElse(""));
        String impactNote = step.change().impact().map(found -> "; " + found.summary()).orElse("");
        return (step.change().notes().isEmpty() ? versions : versions + "; " + String.join("; ", step.change().notes()))
                + impactNote;
    }
}
