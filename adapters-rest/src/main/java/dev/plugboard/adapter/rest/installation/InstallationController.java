package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.ConditionalGet;
import dev.plugboard.adapter.rest.ETags;
import dev.plugboard.adapter.rest.JsonValues;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.Caller;
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
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * The caller's installations: the user's own, or their organization's under an {@code org} claim.
 * Another owner's installation answers 404, exactly like one that does not exist.
 */
@BearerOperations
@Controller("/api/user/plugins")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "installations")
public class InstallationController {

    private final ListInstallationsUseCase listing;
    private final InstallPluginUseCase installing;
    private final UninstallPluginUseCase uninstalling;
    private final ConfigureInstallationUseCase configuring;
    private final ToggleInstallationUseCase toggling;
    private final ValidateSettingsUseCase validating;
    private final ConditionalGet conditional;

    public InstallationController(ListInstallationsUseCase listing, InstallPluginUseCase installing,
                                  UninstallPluginUseCase uninstalling, ConfigureInstallationUseCase configuring,
                                  ToggleInstallationUseCase toggling, ValidateSettingsUseCase validating,
                                  ConditionalGet conditional) {
        this.listing = listing;
        this.installing = installing;
        this.uninstalling = uninstalling;
        this.configuring = configuring;
        this.toggling = toggling;
        this.validating = validating;
        this.conditional = conditional;
    }

    /**
     * The caller's installations.
     *
     * @return every installation of the caller's owner, with an {@code ETag}; 304 when {@code If-None-Match} names it
     */
    @Get
    public HttpResponse<InstallationListResponse> listInstallations(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Callers.of(authentication);
        return conditional.respond(request, new InstallationListResponse(listing.listInstallations(caller.owner()).stream()
                .map(InstallationResponse::from).toList()));
    }

    /**
     * One installation; its {@code ETag} is the version to send in {@code If-Match}. With
     * {@code environment}, {@code settings} are that environment's whole settings (the base's with its
     * override merged over them); {@code overrides} lists every environment's override.
     *
     * @param name        the plugin's name
     * @param environment whose settings to show; the base settings ({@code default}) when absent
     * @return the installation
     */
    @Get("/{name}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public HttpResponse<InstallationResponse> getInstallation(String name, @Nullable @QueryValue String environment,
                                                              Authentication authentication) {
        // Its ETag is its version, for If-Match; plugin upgrades do not move it, so no 304 here.
        return withETag(HttpStatus.OK, listing.getInstallation(Callers.of(authentication).owner(), name,
                Environment.of(environment)));
    }

    /**
     * Installs a plugin for the caller's owner.
     *
     * @param name the plugin's name
     * @param body settings and switch, both optional
     * @return the new installation, with its {@code ETag}
     */
    @Post("/{name}/install")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ApiResponse(responseCode = "201", description = "installed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstallationResponse.class)))
    public HttpResponse<InstallationResponse> install(String name, @Nullable @Body InstallRequest body,
                                                      Authentication authentication) {
        Optional<InstallRequest> request = Optional.ofNullable(body);
        InstallationView view = installing.install(new InstallPluginCommand(Callers.of(authentication),
                PluginName.of(name), request.map(InstallRequest::settings).map(JsonDocument::of),
                request.map(InstallRequest::enabled)));
        return withETag(HttpStatus.CREATED, view)
                .header(HttpHeaders.LOCATION, "/api/user/plugins/" + view.plugin().value());
    }

    /**
     * Removes an installation; its runs stay.
     *
     * @param name the plugin's name
     */
    @Post("/{name}/uninstall")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ApiResponse(responseCode = "204", description = "uninstalled")
    public HttpResponse<Void> uninstall(String name, Authentication authentication) {
        uninstalling.uninstall(new UninstallPluginCommand(Callers.of(authentication), PluginName.of(name)));
        return HttpResponse.noContent();
    }

    /**
     * Replaces the settings. With {@code If-Match}, a version that is no longer current answers 412.
     * With {@code environment} (other than {@code default}), the body is that environment's override
     * instead, merged over the stored override; the base settings with it over them must satisfy the
     * schema as a whole (422 with every violation otherwise, nothing changed). A base change that
     * would break an environment's whole settings is refused the same way.
     *
     * @param name        the plugin's name
     * @param body        the settings
     * @param ifMatch     the {@code ETag} the caller last saw
     * @param environment the environment whose override this is; the base settings when absent
     * @return the installation, with its new {@code ETag}
     */
    @Put("/{name}/config")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    @ProblemAnswers.Unprocessable
    public HttpResponse<InstallationResponse> configure(String name, @Nullable @Body SettingsRequest body,
                                                        @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                        @Nullable @QueryValue String environment,
                                                        Authentication authentication) {
        InstallationView view = configuring.configure(new ConfigureInstallationCommand(Callers.of(authentication),
                PluginName.of(name), requiredSettings(body), ETags.expectedVersion(ifMatch), Environment.of(environment)));
        return withETag(HttpStatus.OK, view);
    }

    /**
     * Switches the installation on or off.
     *
     * @param name the plugin's name
     * @param body the switch
     * @return the installation, with its new {@code ETag}
     */
    @Post("/{name}/toggle")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public HttpResponse<InstallationResponse> toggle(String name, @Nullable @Body ToggleRequest body,
                                                     Authentication authentication) {
        Boolean enabled = Require.present("enabled", body == null ? null : body.enabled());
        InstallationView view = toggling.toggle(new ToggleInstallationCommand(Callers.of(authentication),
                PluginName.of(name), enabled));
        return withETag(HttpStatus.OK, view);
    }

    /**
     * Checks settings without saving anything, exactly as the real change would: merged over the
     * caller's stored settings (stored secrets included) when the plugin is installed, as an install otherwise.
     *
     * @param name the plugin's name
     * @param body the settings to check
     * @return whether they are valid, and every violation
     */
    @Post("/{name}/settings/validate")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.NotFound
    public ValidationResponse validateSettings(Authentication authentication, String name,
                                               @Nullable @Body SettingsRequest body) {
        return ValidationResponse.from(validating.validate(new ValidateSettingsCommand(PluginName.of(name),
                requiredSettings(body), Optional.of(Callers.of(authentication).owner()))));
    }

    private static JsonDocument requiredSettings(SettingsRequest body) {
        return JsonValues.document(Require.present("settings", body == null ? null : body.settings()));
    }

    private static MutableHttpResponse<InstallationResponse> withETag(HttpStatus status, InstallationView view) {
        return HttpResponse.<InstallationResponse>status(status)
                .body(InstallationResponse.from(view))
                .header(HttpHeaders.ETAG, ETags.of(view.version()));
    }
}
