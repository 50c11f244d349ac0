package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.DependencyPolicy;
import dev.plugboard.domain.plugin.DependencyProblem;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginInUseException;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.UnsatisfiedDependencyException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog: browsing, registration, the global switch and manifest sync. */
public final class CatalogService implements BrowseCatalogUseCase, RegisterPluginUseCase, SwitchPluginUseCase,
        SyncCatalogUseCase {

    private final PluginRepository plugins;
    private final ManifestSource manifests;
    private final SettingsPolicy settingsPolicy;
    private final AuditTrail audit;
    private final TimeSource clock;

    public CatalogService(PluginRepository plugins, ManifestSource manifests, SettingsPolicy settingsPolicy,
                          AuditTrail audit, TimeSource clock) {
        this.plugins = plugins;
        this.manifests = manifests;
        this.settingsPolicy = settingsPolicy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<Plugin> list(CatalogFilter filter, PageRequest page) {
        return plugins.search(filter, page);
    }

    @Override
    public Plugin get(String name) {
        return plugins.find(PluginName.of(name)).orElseThrow(() -> new PluginNotFoundException(name));
    }

    @Override
    public Registration register(RegisterPluginCommand command) {
        PluginManifest manifest = command.manifest();
        return audit.perform(command.actor(), AuditAction.REGISTER, AuditEntry.pluginTarget(manifest.name().value()), () -> {
            Optional<Plugin> existing = plugins.find(manifest.name());
            Plugin plugin = upsert(command.actor(), AuditAction.REGISTER, manifest, existing, plugins.findAll());
            return new Registration(plugin, existing.isEmpty());
        });
    }

    @Override
    public Registration registerFile(RegisterFileCommand command) {
        return register(new RegisterPluginCommand(command.actor(),
                manifests.read(command.manifestFile(), PluginSource.REGISTERED)));
    }

    private Plugin upsert(Actor actor, AuditAction action, PluginManifest manifest, Optional<Plugin> existing,
                          Collection<Plugin> catalog) {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(manifest, catalog);
        if (!problems.isEmpty()) {
            throw new UnsatisfiedDependencyException(manifest.name().value(), problems);
        }
        Plugin plugin = existing
                .map(current -> current.withManifest(manifest, settingsPolicy, clock.now()))
                .orElseGet(() -> Plugin.register(manifest, settingsPolicy, clock.now()));
        plugins.save(plugin);
        audit.success(actor, action, AuditEntry.pluginTarget(manifest.name().value()),
                existing.map(CatalogService::state).orElse(null), state(plugin),
                existing.map(old -> "version " + old.version() + " -> " + plugin.version())
                        .orElse("registered version " + plugin.version()));
        return plugin;
    }

    @Override
    public Plugin switchPlugin(SwitchPluginCommand command) {
        AuditAction action = command.enabled() ? AuditAction.ENABLE : AuditAction.DISABLE;
        return audit.perform(command.actor(), action, AuditEntry.pluginTarget(command.plugin().value()), () -> {
            Plugin current = plugins.find(command.plugin())
                    .orElseThrow(() -> new PluginNotFoundException(command.plugin().value()));
            if (current.isEnabled() == command.enabled()) {
                return current;
            }
            List<Plugin> catalog = plugins.findAll();
            if (command.enabled()) {
                List<DependencyProblem> problems = DependencyPolicy.problemsOf(current.manifest(), catalog);
                if (!problems.isEmpty()) {
                    throw new UnsatisfiedDependencyException(current.name().value(), problems);
                }
            } else if (!command.force()) {
                List<PluginName> dependents = DependencyPolicy.enabledDependentsOf(current.name(), catalog);
                if (!dependents.isEmpty()) {
                    throw new PluginInUseException(current.name().value(), dependents.stream().map(PluginName::value).toList());
                }
            }
            Plugin switched = command.enabled() ? current.enable(clock.now()) : current.disable(clock.now());
            plugins.save(switched);
            audit.success(command.actor(), action, AuditEntry.pluginTarget(current.name().value()), state(current),
                    state(switched), command.force() ? "forced" : "");
            return switched;
        });
    }

    @Override
    public SyncReport sync(SyncCatalogCommand command) {
        return audit.perform(command.actor(), AuditAction.SYNC, "catalog", () -> {
            ManifestDiscovery discovery = manifests.discover(command.directory());
            List<ManifestDiscovery.Problem> rejected = new ArrayList<>(discovery.problems());
            Map<PluginName, Plugin> catalog = new LinkedHashMap<>();
            plugins.findAll().forEach(plugin -> catalog.put(plugin.name(), plugin));
            List<String> added = new ArrayList<>();
            List<Change> updated = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (PluginManifest manifest : dependencyOrder(discovery.manifests(), rejected)) {
                Optional<Plugin> existing = Optional.ofNullable(catalog.get(manifest.name()));
                if (existing.isPresent() && existing.get().manifest().equals(manifest)) {
                    unchanged.add(manifest.name().value());
                    continue;
                }
                try {
                    Plugin plugin = upsert(command.actor(), AuditAction.SYNC, manifest, existing, catalog.values());
                    catalog.put(plugin.name(), plugin);
                    if (existing.isEmpty()) {
                        added.add(plugin.name().value());
                    } else {
                        updated.add(new Change(plugin.name().value(), existing.get().version().toString(),
                                plugin.version().toString()));
                    }
                } catch (DomainException refused) {
                    rejected.add(new ManifestDiscovery.Problem(manifest.name().value(), refused.getMessage()));
                }
            }
            SyncReport report = new SyncReport(added, updated, unchanged, rejected);
            // Each change is audited on its plugin; a sync that changed nothing and rejected nothing
            // (every start of every instance) would only add noise to the trail.
            if (!added.isEmpty() || !updated.isEmpty() || !rejected.isEmpty()) {
                audit.success(command.actor(), AuditAction.SYNC, "catalog", null, null, report.summary()
                        + (rejected.isEmpty() ? "" : "; rejected: " + String.join("; ", rejected.stream().map(Object::toString).toList())));
            }
            return report;
        });
    }

    /**
     * Orders manifests so that a plugin's dependencies are registered before it; a name seen
     * twice is rejected rather than letting one silently win.
     */
    private static List<PluginManifest> dependencyOrder(List<PluginManifest> discovered,
                                                        List<ManifestDiscovery.Problem> rejected) {
        Map<PluginName, PluginManifest> byName = new LinkedHashMap<>();
        for (PluginManifest manifest : discovered) {
            if (byName.putIfAbsent(manifest.name(), manifest) != null) {
                rejected.add(new ManifestDiscovery.Problem(manifest.name().value(),
                        "two manifests declare this name; the first one found was used"));
            }
        }
        List<PluginManifest> ordered = new ArrayList<>();
        List<PluginName> visiting = new ArrayList<>();
        for (PluginManifest manifest : byName.values()) {
            visit(manifest, byName, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(PluginManifest manifest, Map<PluginName, PluginManifest> byName,
                              List<PluginManifest> ordered, List<PluginName> visiting) {
        if (ordered.contains(manifest) || visiting.contains(manifest.name())) {
            return; // a cycle is reported by the dependency policy when the plugin is upserted
        }
        visiting.add(manifest.name());
        manifest.dependencies().stream()
                .map(dependency -> byName.get(dependency.plugin()))
                .filter(java.util.Objects::nonNull)
                .forEach(dependency -> visit(dependency, byName, ordered, visiting));
        visiting.remove(manifest.name());
        ordered.add(manifest);
    }

    private static JsonDocument state(Plugin plugin) {
        return JsonDocument.of(Map.of("version", plugin.version().toString(), "enabled", plugin.isEnabled()));
    }
}
