package dev.plugboard.adapter.rest.operations;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.operations.PluginMetricsUseCase;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.Optional;

/**
 * A plugin's hourly series from the rollups: across every owner for administrators, or the
 * caller's own runs only.
 */
@BearerOperations
@Controller
@Tag(name = "metrics")
public class PluginMetricsController {

    private final PluginMetricsUseCase metrics;
    private final Clock clock = Clock.systemUTC();

    public PluginMetricsController(PluginMetricsUseCase metrics) {
        this.metrics = metrics;
    }

    /**
     * The plugin's hourly rollups across every owner: runs, successes, failures by code, duration
     * percentiles, CPU and memory. Hours are whole UTC hours; the series stops at the last hour rolled up.
     *
     * @param name the plugin
     * @param from the first hour (inclusive), e.g. 2026-11-30T00:00:00Z; default 24 hours before {@code to}
     * @param to   the end (exclusive); default the start of the current hour; at most 92 days after {@code from}
     * @return the series
     */
    @Get("/api/admin/plugins/{name}/metrics")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @Secured(Roles.ADMIN)
    public MetricsSeriesResponse adminPluginMetrics(@PathVariable String name, @Nullable @QueryValue String from,
                                                    @Nullable @QueryValue String to) {
        MetricsRange range = MetricsRange.of(from, to, clock);
        return MetricsSeriesResponse.from(metrics.hourly(PluginName.of(name), Optional.empty(), range.from(), range.to()),
                null);
    }

    /**
     * The same series over the caller's own runs (the user, or the organization of the token's
     * {@code org} claim).
     *
     * @param name the plugin
     * @param from the first hour (inclusive); default 24 hours before {@code to}
     * @param to   the end (exclusive); default the start of the current hour
     * @return the series
     */
    @Get("/api/user/plugins/{name}/metrics")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MetricsSeriesResponse userPluginMetrics(@PathVariable String name, @Nullable @QueryValue String from,
                                                   @Nullable @QueryValue String to, Authentication authentication) {
        MetricsRange range = MetricsRange.of(from, to, clock);
        Owner owner = Callers.of(authentication).owner();
        return MetricsSeriesResponse.from(metrics.hourly(PluginName.of(name), Optional.of(owner), range.from(), range.to()),
                owner.toString());
    }
}
