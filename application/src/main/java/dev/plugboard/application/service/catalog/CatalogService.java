package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.CatalogUseCases;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.DependencyPolicy;
import dev.plugboard.domain.plugin.DependencyProblem;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginInUseException;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.PluginOwnedElsewhereException;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.UnsatisfiedDependencyException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog: browsing, registration and the global switch; {@link CatalogSync} syncs it with the manifests. */
public final class CatalogService implements CatalogUseCases {

    private final PluginRepository plugins;
    private final ManifestSource manifests;
    private final SettingsPolicy settingsPolicy;
    private final SchemaImpact impact;
    private final AuditTrail audit;
    private final TimeSource clock;

    public CatalogService(PluginRepository plugins, SchemaImpact impact, ManifestSource manifests,
                          SettingsPolicy settingsPolicy, AuditTrail audit, TimeSource clock) {
        this.plugins = plugins;
        this.impact = impact;
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
    public List<String> unsatisfied(Plugin plugin) {
        return DependencyPolicy.problemsOf(plugin.manifest(), plugins.findAll()).stream().map(DependencyProblem::detail).toList();
    }

    @Override
    public Registration register(RegisterPluginCommand command) {
        PluginManifest manifest = command.manifest();
        return audit.perform(command.actor(), AuditAction.REGISTER, AuditEntry.pluginTarget(manifest.name().value()), () -> {
            Optional<Plugin> existing = plugins.find(manifest.name());
            existing.flatMap(current -> current.manifest().source()
                            .refusesReplacementBy(manifest.source(), manifest.name().value(), command.force()))
                    .ifPresent(reason -> {
                        throw new PluginOwnedElsewhereException(manifest.name().value(),
                                existing.get().manifest().source(), reason);
                    });
            List<Plugin> catalog = plugins.findAll();
            List<DependencyProblem> broken = DependencyPolicy.dependentsBrokenBy(manifest,
                    catalog.stream().filter(plugin -> !plugin.name().equals(manifest.name())).toList());
            if (!broken.isEmpty() && !command.force()) {
                throw new UnsatisfiedDependencyException(manifest.name().value(), broken);
            }
            Plugin plugin = upsert(command.actor(), AuditAction.REGISTER, manifest, existing, catalog);
            return new Registration(plugin, existing.isEmpty());
        });
    }

    @Override
    public Registration registerFile(RegisterFileCommand command) {
        return register(new RegisterPluginCommand(command.actor(),
                manifests.read(command.manifestFile(), PluginSource.REGISTERED), command.force()));
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
        if (existing.isPresent() && !existing.get().manifest().settingsSchema().equals(manifest.settingsSchema())) {
            impact.revalidate(manifest, actor, clock.now());
        }
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

    static JsonDocument state(Plugin plugin) {
        return JsonDocument.of(Map.of("version", plugin.version().toString(), "enabled", plugin.isEnabled()));
    }
}
