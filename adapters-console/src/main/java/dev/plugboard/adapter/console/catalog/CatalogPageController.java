package dev.plugboard.adapter.console.catalog;

import dev.plugboard.adapter.console.analytics.AnalyticsWidgets;
import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Available plugins: cards filtered by text, category, tag and capability, paged by cursor, installable in place. */
@Controller("/console/plugins")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class CatalogPageController {

    private static final int PAGE_SIZE = 24;

    private final BrowseCatalogUseCase catalog;
    private final ListInstallationsUseCase installations;
    private final InstallPluginUseCase installing;
    private final PluginHealthUseCase health;
    private static final java.util.Set<AuditAction> CATALOG_CHANGES = java.util.EnumSet.of(AuditAction.REGISTER,
            AuditAction.SYNC, AuditAction.ENABLE, AuditAction.DISABLE);

    private final ReadAuditTrailUseCase audit;
    private final AnalyticsWidgets widgets;

    CatalogPageController(BrowseCatalogUseCase catalog, ListInstallationsUseCase installations,
                          InstallPluginUseCase installing, PluginHealthUseCase health, ReadAuditTrailUseCase audit,
                          AnalyticsWidgets widgets) {
        this.widgets = widgets;
        this.catalog = catalog;
        this.installations = installations;
        this.installing = installing;
        this.health = health;
        this.audit = audit;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String q,
                                           @Nullable @QueryValue String category, @Nullable @QueryValue String tag,
                                           @Nullable @QueryValue String capability, @Nullable @QueryValue String after) {
        ConsoleUser user = ConsoleUser.of(request);
        Set<String> installed = installations.listInstallations(user.caller().owner()).stream()
                .map(view -> view.plugin().value()).collect(Collectors.toSet());
        CatalogFilter filter = new CatalogFilter(Optional.ofNullable(category),
                tag == null || tag.isBlank() ? Set.of() : Set.of(tag.strip()), Optional.ofNullable(capability),
                Optional.ofNullable(q), Optional.empty());
        Page<Plugin> page = catalog.list(filter, new PageRequest(PAGE_SIZE, Optional.ofNullable(after)));
        Map<String, String> states = healthStates();
        return Pages.view("plugins", Chrome.of("Available plugins", "plugins", user),
                "cards", page.items().stream().map(p -> PluginCard.from(p, installed.contains(p.name().value()),
                        states.getOrDefault(p.name().value(), "unknown"))).toList(),
                "categories", categories(),
                "query", new CatalogQuery(q, category, tag, capability),
                "next", page.next().orElse(null));
    }

    /**
     * One plugin: description, capabilities, dependencies and its schemas, with the install action of
     * its card, and its history from the audit trail.
     */
    @Get("/{name}")
    ModelAndView<Map<String, Object>> details(HttpRequest<?> request, String name) {
        ConsoleUser user = ConsoleUser.of(request);
        Plugin plugin = catalog.get(name);
        boolean installed = installations.listInstallations(user.caller().owner()).stream()
                .anyMatch(view -> view.plugin().equals(plugin.name()));
        return Pages.view("plugin", Chrome.of(plugin.manifest().displayName(), "plugins", user),
                "card", PluginCard.from(plugin, installed, healthStates().getOrDefault(name, "unknown")),
                "manifest", plugin.manifest(),
                "widget", AnalyticsWidgets.isAnalytics(name) && installed ? widgets.of(user.caller().owner()) : null,
                "history", history(user, plugin));
    }

    /**
     * The plugin's entries in the audit trail: all of them for administrators; for everyone else its
     * catalog changes only (registrations, syncs and global switches, which say which version
     * arrived when), without who made them, since the audit trail is otherwise for administrators.
     */
    private List<AuditEntry> history(ConsoleUser user, Plugin plugin) {
        List<AuditEntry> entries = audit.list(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(AuditEntry.pluginTarget(plugin.name().value()))), PageRequest.first(50)).items();
        return user.admin() ? entries : entries.stream().filter(entry -> CATALOG_CHANGES.contains(entry.action())).toList();
    }

    /** Installs a plugin that needs no settings; one that does is installed through its settings form. */
    @Post("/{name}/install")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> install(HttpRequest<?> request, String name) {
        InstallationView view = installing.install(new InstallPluginCommand(ConsoleUser.of(request).caller(),
                PluginName.of(name), Optional.empty(), Optional.empty()));
        return HttpResponse.ok().header("HX-Refresh", "true").header("X-Installed", view.plugin().value());
    }

    /** Each plugin's health as its badge reads, e.g. "healthy (100)"; the same for everyone, as on the API. */
    private Map<String, String> healthStates() {
        return health.all().stream().collect(Collectors.toMap(h -> h.plugin().value(),
                h -> h.state().toString().toLowerCase(java.util.Locale.ROOT) + " (" + h.score() + ")", (a, b) -> a));
    }

    private Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        Page<Plugin> page = catalog.list(CatalogFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(plugin -> categories.add(plugin.manifest().category()));
        return categories;
    }
}
