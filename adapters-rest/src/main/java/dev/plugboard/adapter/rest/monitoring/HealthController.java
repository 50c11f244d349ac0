package dev.plugboard.adapter.rest.monitoring;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Plugin health: every plugin for administrators, one plugin with the caller's own numbers for any
 * authenticated caller. The health job refreshes the verdicts every {@code plugboard.health.interval}.
 */
@BearerOperations
@Controller("/api")
@Tag(name = "health")
public class HealthController {

    private final PluginHealthUseCase health;

    public HealthController(PluginHealthUseCase health) {
        this.health = health;
    }

    /**
     * Every catalog plugin's last health verdict ({@code unknown} until it has been judged).
     *
     * @return the verdicts by plugin name
     */
    @Get("/admin/plugins/health")
    @ProblemAnswers.Forbidden
    @Secured(Roles.ADMIN)
    public PluginHealthListResponse allPluginHealth() {
        return new PluginHealthListResponse(health.all().stream().map(PluginHealthResponse::from).toList());
    }

    /**
     * One plugin's health: the global verdict, and the success rate and latency of the caller's own
     * recent runs of it (those of the token's organization when it names one).
     *
     * @param name the plugin's name
     * @return the global verdict and the caller's own numbers
     */
    @Get("/plugins/{name}/health")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public CallerHealthResponse pluginHealth(String name, Authentication authentication) {
        return CallerHealthResponse.from(health.forCaller(Callers.of(authentication), PluginName.of(name)));
    }
}
