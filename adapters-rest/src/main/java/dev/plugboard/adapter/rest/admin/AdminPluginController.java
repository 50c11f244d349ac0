package dev.plugboard.adapter.rest.admin;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.catalog.PluginDetailsResponse;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.Registration;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/** Administrators shape the catalog: register manifests, rescan the plugins directory, switch plugins for everyone. */
@BearerOperations
@Controller("/api/admin/plugins")
@Secured(AdminPluginController.ADMIN)
@Tag(name = "admin")
public class AdminPluginController {

    static final String ADMIN = Roles.ADMIN;

    private final RegisterPluginUseCase registering;
    private final SyncCatalogUseCase syncing;
    private final SwitchPluginUseCase switching;

    public AdminPluginController(RegisterPluginUseCase registering, SyncCatalogUseCase syncing,
                                 SwitchPluginUseCase switching) {
        this.registering = registering;
        this.syncing = syncing;
        this.switching = switching;
    }

    /**
     * Registers a plugin from a manifest, or replaces the manifest of the plugin with that name. The body
     * holds the fields of a plugin.yaml, as JSON.
     *
     * @param manifest the manifest
     * @param force    take over a plugin the plugins directory added (audited); a builtin is never replaced (409)
     * @return the plugin: 201 when it is new, 200 when it replaced one
     */
    @Post
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.Conflict
    @ApiResponse(responseCode = "201", description = "registered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PluginDetailsResponse.class)))
    @ApiResponse(responseCode = "200", description = "replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PluginDetailsResponse.class)))
    public HttpResponse<PluginDetailsResponse> registerPlugin(@Nullable @Body ManifestRequest manifest,
                                                        @Nullable @QueryValue Boolean force,
                                                        Authentication authentication) {
        Registration registration = registering.register(new RegisterPluginCommand(actor(authentication),
                Require.present("manifest", manifest).toDomain(), Boolean.TRUE.equals(force)));
        return HttpResponse.<PluginDetailsResponse>status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PluginDetailsResponse.from(registration.plugin()))
                .header(HttpHeaders.LOCATION, "/api/plugins/" + registration.plugin().name().value());
    }

    /**
     * Rescans the builtin plugins and the plugins directory and applies the sync plan: new plugins
     * added, changed ones updated. Downgrades, versions outside a dependent's range and takeovers of
     * a plugin registered over the API are refused (listed under {@code rejected}) unless allowed.
     *
     * @param dryRun         only return the plan; nothing is stored or audited
     * @param allowDowngrade apply manifests whose version is lower than the catalog's
     * @param force          apply versions outside a dependent's range (the dependent is reported
     *                       unsatisfied) and take over plugins registered over the API; never a builtin
     * @return the plan, and what was applied
     */
    @Post("/sync")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    public SyncReportResponse syncCatalog(@Nullable @QueryValue Boolean dryRun, @Nullable @QueryValue Boolean allowDowngrade,
                                          @Nullable @QueryValue Boolean force, Authentication authentication) {
        SyncOptions options = new SyncOptions(Boolean.TRUE.equals(dryRun), Boolean.TRUE.equals(allowDowngrade),
                Boolean.TRUE.equals(force));
        return SyncReportResponse.from(syncing.sync(new SyncCatalogCommand(actor(authentication), Optional.empty(), options)));
    }

    /**
     * Switches a plugin on for everyone.
     *
     * @param name the plugin's name
     * @return the plugin
     */
    @Post("/{name}/enable")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public PluginDetailsResponse enablePlugin(String name, Authentication authentication) {
        return PluginDetailsResponse.from(switching.switchPlugin(
                new SwitchPluginCommand(actor(authentication), PluginName.of(name), true, false)));
    }

    /**
     * Switches a plugin off for everyone. Refused with 409 while enabled plugins depend on it, unless forced.
     *
     * @param name  the plugin's name
     * @param force disable even though other plugins depend on it
     * @return the plugin
     */
    @Post("/{name}/disable")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public PluginDetailsResponse disablePlugin(String name, @Nullable @QueryValue String force,
                                         Authentication authentication) {
        return PluginDetailsResponse.from(switching.switchPlugin(
                new SwitchPluginCommand(actor(authentication), PluginName.of(name), false, flag("force", force))));
    }

    /** Strict, unlike the framework's conversion: a typo must not silently mean false. */
    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidValueException(name, value, "use true or false");
    }

    private static Actor actor(Authentication authentication) {
        return Callers.of(authentication).actor();
    }
}
