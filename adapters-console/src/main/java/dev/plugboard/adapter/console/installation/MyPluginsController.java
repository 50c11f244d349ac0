package dev.plugboard.adapter.console.installation;

import dev.plugboard.adapter.console.form.FormReader;
import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** My plugins: the owner's installations, their switch, settings form and uninstall. */
@Controller("/console/my-plugins")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MyPluginsController {

    private final ListInstallationsUseCase listing;
    private final BrowseCatalogUseCase catalog;
    private final InstallPluginUseCase installing;
    private final ConfigureInstallationUseCase configuring;
    private final ToggleInstallationUseCase toggling;
    private final UninstallPluginUseCase uninstalling;
    private final Environment server;

    MyPluginsController(ListInstallationsUseCase listing, BrowseCatalogUseCase catalog, InstallPluginUseCase installing,
                        ConfigureInstallationUseCase configuring, ToggleInstallationUseCase toggling,
                        UninstallPluginUseCase uninstalling,
                        @Value("${plugboard.environment:default}") String serverEnvironment) {
        this.listing = listing;
        this.catalog = catalog;
        this.installing = installing;
        this.configuring = configuring;
        this.toggling = toggling;
        this.uninstalling = uninstalling;
        this.server = Environment.of(serverEnvironment);
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ConsoleUser user = ConsoleUser.of(request);
        return Pages.view("myplugins", Chrome.of("My plugins", "mine", user),
                "installations", listing.listInstallations(user.caller().owner()));
    }

    @Post("/{name}/toggle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> toggle(HttpRequest<?> request, String name, @Body Map<String, String> form) {
        toggling.toggle(new ToggleInstallationCommand(ConsoleUser.of(request).caller(), PluginName.of(name),
                "true".equals(form.get("enabled"))));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    @Post("/{name}/uninstall")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> uninstall(HttpRequest<?> request, String name) {
        uninstalling.uninstall(new UninstallPluginCommand(ConsoleUser.of(request).caller(), PluginName.of(name)));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    /**
     * The base settings, or one environment's whole settings with its override editable: the server's
     * own environment unless the owner picks one ({@code environment}) or names a new one.
     */
    @Get("/{name}/settings")
    ModelAndView<Map<String, Object>> settings(HttpRequest<?> request, String name, @Nullable @QueryValue String environment,
                                               @Nullable @QueryValue("new-environment") String newEnvironment) {
        ConsoleUser user = ConsoleUser.of(request);
        Plugin plugin = catalog.get(name);
        Environment shown = newEnvironment != null && !newEnvironment.isBlank() ? Environment.of(newEnvironment)
                : environment == null ? server : Environment.of(environment);
        Optional<InstallationView> installation = installation(user, name, shown);
        return settingsView(user, SettingsForms.stored(plugin, installation, picker(shown, installation, Set.of())));
    }

    /** Installs or reconfigures; the server's verdict comes back next to the fields, with what was typed kept. */
    @Post("/{name}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, String name, @Body Map<String, Object> body) {
        Map<String, List<String>> form = FormReader.multiValues(body);
        ConsoleUser user = ConsoleUser.of(request);
        Plugin plugin = catalog.get(name);
        Environment environment = Environment.of(first(form, "environment", ""));
        Optional<InstallationView> installation = installation(user, name, environment);
        FormReader reader = new FormReader(form);
        Map<String, Object> patch = reader.patch(plugin.manifest().settingsSchema().asMap());
        Set<String> reset = OverridePatch.resets(form);
        EnvironmentPicker picker = picker(environment, installation, reset);
        try {
            if (installation.isEmpty()) {
                installing.install(new InstallPluginCommand(user.caller(), plugin.name(),
                        Optional.of(JsonDocument.of(FormReader.withoutNulls(patch))), Optional.empty()));
                return redirect(UriBuilder.of("/console/plugins").queryParam("q", name).build().toString());
            }
            if (picker.override()) {
                JsonDocument base = listing.getInstallation(user.caller().owner(), name).settings();
                JsonDocument override = installation.get().overrides().getOrDefault(environment.name(), JsonDocument.empty());
                patch = OverridePatch.of(patch, base.asMap(), override.asMap(), reset);
            }
            configuring.configure(new ConfigureInstallationCommand(user.caller(), plugin.name(), JsonDocument.of(patch),
                    OptionalLong.of(version(first(form, "version", "0"))), environment));
            return redirect(picker.override() ? picker.page(name) : "/console/my-plugins");
        } catch (InvalidSettingsException invalid) {
            return HttpResponse.ok(settingsView(user, SettingsForms.typed(plugin, installation, reader.typed(),
                    invalid.violations(), false, picker)));
        } catch (ConcurrencyConflictException stale) {
            return HttpResponse.ok(settingsView(user, SettingsForms.typed(plugin, installation, reader.typed(),
                    List.<Violation>of(), true, picker)));
        }
    }

    /** The form's version; one that is not a number (a tampered form) matches no installation, so the form reads as stale. */
    private static long version(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    /** The installation showing {@code environment}'s whole settings, with every environment's override. */
    private Optional<InstallationView> installation(ConsoleUser user, String name, Environment environment) {
        try {
            return Optional.of(listing.getInstallation(user.caller().owner(), name, environment));
        } catch (InstallationNotFoundException notInstalled) {
            return Optional.empty();
        }
    }

    /** An install edits the base settings; an installation the environment asked for. */
    private EnvironmentPicker picker(Environment environment, Optional<InstallationView> installation, Set<String> reset) {
        Environment shown = installation.isPresent() ? environment : Environment.DEFAULT;
        Map<String, JsonDocument> overrides = installation.map(InstallationView::overrides).orElse(Map.of());
        JsonDocument override = overrides.getOrDefault(shown.name(), JsonDocument.empty());
        return EnvironmentPicker.of(shown, server, overrides.keySet(),
                SettingsForms.flatten(override.asMap(), "").keySet(), reset);
    }

    private static ModelAndView<Map<String, Object>> settingsView(ConsoleUser user, SettingsPage page) {
        String title = (page.install() ? "Install " : "Settings of ") + page.displayName()
                + (page.environments().override() ? " for " + page.environments().current() : "");
        return Pages.view("settings", Chrome.of(title, "mine", user), "page", page);
    }

    private static HttpResponse<?> redirect(String target) {
        return HttpResponse.ok().header("HX-Redirect", target);
    }

    private static String first(Map<String, List<String>> form, String name, String fallback) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
