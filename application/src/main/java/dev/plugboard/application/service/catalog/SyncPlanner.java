package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Action;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.DependencyPolicy;
import dev.plugboard.domain.plugin.DependencyProblem;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.UnsatisfiedDependencyException;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, without storing anything, what each manifest would do to the catalog: the one plan a
 * dry run shows and a real sync applies. Manifests come in dependency order, and each decision
 * sees the catalog as the earlier ones left it.
 */
final class SyncPlanner {

    /** One manifest's decision, with the plugin before and, when it applies, after. */
    record Step(PlannedChange change, Optional<Plugin> before, Optional<Plugin> after) {
    }

    private final SettingsPolicy settingsPolicy;

    SyncPlanner(SettingsPolicy settingsPolicy) {
        this.settingsPolicy = settingsPolicy;
    }

    /**
     * @param catalog the catalog by name; updated with every change the plan applies
     * @param gate    what {@code plugboard.catalog.new-plugins} makes of each line
     */
    List<Step> plan(List<PluginManifest> manifests, Map<PluginName, Plugin> catalog, SyncOptions options, Instant now,
                    java.util.function.BiFunction<PluginManifest, Step, Step> gate) {
        List<Step> steps = new ArrayList<>();
        for (PluginManifest manifest : manifests) {
            Optional<Plugin> before = Optional.ofNullable(catalog.get(manifest.name()));
            // A line the approval gate holds leaves the catalog as it is for the lines after it.
            Step step = gate.apply(manifest, decide(manifest, before, catalog, options, now));
            step.after().ifPresent(plugin -> catalog.put(plugin.name(), plugin));
            steps.add(step);
        }
        return steps;
    }

    private Step decide(PluginManifest manifest, Optional<Plugin> before, Map<PluginName, Plugin> catalog,
                        SyncOptions options, Instant now) {
        Action action = action(manifest, before);
        boolean schemaChanged = before.isPresent() && !before.get().manifest().settingsSchema().equals(manifest.settingsSchema());
        List<String> notes = new ArrayList<>();
        Optional<String> refusal = action == Action.UNCHANGED ? Optional.empty()
                : refusal(manifest, before, action, catalog, options, notes);
        Optional<Plugin> after = Optional.empty();
        if (refusal.isEmpty() && action != Action.UNCHANGED) {
            try {
                after = Optional.of(before.map(current -> current.withManifest(manifest, settingsPolicy, now).restore(now))
                        .orElseGet(() -> Plugin.register(manifest, settingsPolicy, now)));
            } catch (DomainException invalid) {
                refusal = Optional.of(invalid.getMessage());
            }
        }
        PlannedChange change = new PlannedChange(manifest.name().value(), action, manifest.source().owner(),
                before.map(plugin -> plugin.version().toString()), Optional.of(manifest.version().toString()),
                schemaChanged, refusal, refusal.isPresent() ? List.of() : notes);
        return new Step(change, before, after);
    }

    /**
     * Directory plugins whose manifest was not found retire; none when the discovery reported a
     * problem, so that a missing or unreadable folder never retires the catalog.
     */
    List<Step> retirements(List<PluginManifest> found, Map<PluginName, Plugin> catalog, boolean discoveryClean, Instant now) {
        if (!discoveryClean) {
            return List.of();
        }
        java.util.Set<PluginName> present = new java.util.HashSet<>(found.stream().map(PluginManifest::name).toList());
        return catalog.values().stream()
                .filter(plugin -> plugin.manifest().source() == dev.plugboard.domain.plugin.PluginSource.MANIFEST_DIRECTORY)
                .filter(plugin -> !plugin.isRetired() && !present.contains(plugin.name()))
                .map(plugin -> new Step(new PlannedChange(plugin.name().value(), Action.RETIRED, "directory",
                        Optional.of(plugin.version().toString()), Optional.empty(), false, Optional.empty(),
                        List.of("manifest no longer in the plugins directory; installations and history are kept")),
                        Optional.of(plugin), Optional.of(plugin.retire(now))))
                .toList();
    }

    private static Action action(PluginManifest manifest, Optional<Plugin> before) {
        if (before.isEmpty()) {
            return Action.ADDED;
        }
        if (before.get().isRetired()) {
            return Action.RESTORED;
        }
        PluginManifest current = before.get().manifest();
        if (current.equals(manifest)) {
            return Action.UNCHANGED;
        }
        int order = manifest.version().compareTo(current.version());
        if (order != 0) {
            return order > 0 ? Action.UPGRADED : Action.DOWNGRADED;
        }
        return current.settingsSchema().equals(manifest.settingsSchema()) ? Action.CHANGED : Action.SCHEMA_CHANGED;
    }

    /** Why the manifest may not be applied, in the order an operator would fix things; notes what a forced one leaves behind. */
    private static Optional<String> refusal(PluginManifest manifest, Optional<Plugin> before, Action action,
                                            Map<PluginName, Plugin> catalog, SyncOptions options, List<String> notes) {
        if (before.isPresent()) {
            Optional<String> ownership = before.get().manifest().source()
                    .refusesReplacementBy(manifest.source(), manifest.name().value(), options.force());
            if (ownership.isPresent()) {
                return ownership;
            }
            if (before.get().manifest().source() != manifest.source()) {
                notes.add("forced takeover from the " + before.get().manifest().source().owner() + " source");
            }
        }
        if (action == Action.DOWNGRADED && !options.allowDowngrade()) {
            return Optional.of("version " + manifest.version() + " is lower than the catalog's " + before.orElseThrow().version()
                    + "; a downgrade needs --allow-downgrade (allowDowngrade=true over REST)");
        }
        List<DependencyProblem> own = DependencyPolicy.problemsOf(manifest, catalog.values());
        if (!own.isEmpty()) {
            return Optional.of(new UnsatisfiedDependencyException(manifest.name().value(), own).getMessage());
        }
        List<Plugin> others = catalog.values().stream().filter(plugin -> !plugin.name().equals(manifest.name())).toList();
        List<DependencyProblem> broken = DependencyPolicy.dependentsBrokenBy(manifest, others);
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        String detail = String.join("; ", broken.stream().map(DependencyProblem::detail).toList());
        if (!options.force()) {
            return Optional.of(detail + "; update the dependents first, or force it (--force, force=true over REST)");
        }
        broken.forEach(problem -> notes.add("unsatisfied: " + problem.detail()));
        return Optional.empty();
    }
}
