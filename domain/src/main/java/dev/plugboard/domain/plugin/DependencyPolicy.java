package dev.plugboard.domain.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether plugins' dependencies hold within a catalog: every dependency present, enabled
 * and of a version in range, and no dependency cycle.
 */
public final class DependencyPolicy {

    private DependencyPolicy() {
    }

    /**
     * Problems of {@code candidate}'s dependencies if it joined {@code catalog} (replacing any
     * plugin of the same name).
     */
    public static List<DependencyProblem> problemsOf(PluginManifest candidate, Collection<Plugin> catalog) {
        Map<PluginName, Plugin> byName = new LinkedHashMap<>();
        catalog.forEach(plugin -> byName.put(plugin.name(), plugin));
        List<DependencyProblem> problems = new ArrayList<>();
        for (Dependency dependency : candidate.dependencies()) {
            Plugin target = byName.get(dependency.plugin());
            if (target == null) {
                problems.add(new DependencyProblem(DependencyProblem.Kind.MISSING, candidate.name(), dependency,
                        "needs " + dependency + " but '" + dependency.plugin() + "' is not in the catalog"));
            } else if (!dependency.range().includes(target.version())) {
                problems.add(new DependencyProblem(DependencyProblem.Kind.VERSION_MISMATCH, candidate.name(), dependency,
                        "needs " + dependency + " but the catalog has " + dependency.plugin() + " " + target.version()));
            } else if (!target.isEnabled()) {
                problems.add(new DependencyProblem(DependencyProblem.Kind.DISABLED, candidate.name(), dependency,
                        "needs " + dependency.plugin() + " but it is disabled"));
            }
        }
        cycleThrough(candidate, byName).ifPresent(cycle -> problems.add(new DependencyProblem(
                DependencyProblem.Kind.CYCLE, candidate.name(), null,
                "dependency cycle: " + String.join(" -> ", cycle.stream().map(PluginName::value).toList()))));
        return problems;
    }

    private static Optional<List<PluginName>> cycleThrough(PluginManifest candidate, Map<PluginName, Plugin> catalog) {
        List<PluginName> path = new ArrayList<>();
        path.add(candidate.name());
        return search(candidate.name(), candidate.dependencies(), catalog, path, new HashSet<>());
    }

    private static Optional<List<PluginName>> search(PluginName start, List<Dependency> dependencies,
                                                     Map<PluginName, Plugin> catalog, List<PluginName> path,
                                                     Set<PluginName> visited) {
        for (Dependency dependency : dependencies) {
            PluginName next = dependency.plugin();
            if (next.equals(start)) {
                List<PluginName> cycle = new ArrayList<>(path);
                cycle.add(start);
                return Optional.of(cycle);
            }
            Plugin plugin = catalog.get(next);
            if (plugin != null && visited.add(next)) {
                path.add(next);
                Optional<List<PluginName>> found = search(start, plugin.manifest().dependencies(), catalog, path, visited);
                if (found.isPresent()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return Optional.empty();
    }

    /** Enabled plugins other than {@code plugin} that declare a dependency on it. */
    public static List<PluginName> enabledDependentsOf(PluginName plugin, Collection<Plugin> catalog) {
        return catalog.stream()
                .filter(Plugin::isEnabled)
                .filter(other -> other.manifest().dependencies().stream().anyMatch(d -> d.plugin().equals(plugin)))
                .map(Plugin::name)
                .sorted()
                .toList();
    }

    /**
     * What {@code candidate} would break if it replaced the plugin of its name: each other plugin
     * of {@code catalog} whose dependency on it excludes the candidate's version.
     */
    public static List<DependencyProblem> dependentsBrokenBy(PluginManifest candidate, Collection<Plugin> catalog) {
        List<DependencyProblem> broken = new ArrayList<>();
        for (Plugin other : catalog) {
            other.manifest().dependencies().stream()
                    .filter(dependency -> dependency.plugin().equals(candidate.name()))
                    .filter(dependency -> !dependency.range().includes(candidate.version()))
                    .forEach(dependency -> broken.add(new DependencyProblem(DependencyProblem.Kind.VERSION_MISMATCH,
                            other.name(), dependency, "'" + other.name() + "' needs " + dependency + ", which excludes "
                            + candidate.name() + " " + candidate.version())));
        }
        broken.sort(java.util.Comparator.comparing(DependencyProblem::plugin));
        return broken;
    }
}
