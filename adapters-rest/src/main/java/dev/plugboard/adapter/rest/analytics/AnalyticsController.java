package dev.plugboard.adapter.rest.analytics;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStatsQuery;
import dev.plugboard.domain.error.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's message statistics from the analytics plugin's store (seed 002, task 3.3.3); a
 * literal path, so it wins over {@code /api/user/plugins/{name}}.
 */
@BearerOperations
@Controller("/api/user/plugins/analytics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "analytics")
public class AnalyticsController {

    private final AnalyticsStatsUseCase analytics;

    public AnalyticsController(AnalyticsStatsUseCase analytics) {
        this.analytics = analytics;
    }

    /**
     * Totals, today (UTC), the last seven UTC days, unique users ever seen, and one entry per UTC day
     * of the last {@code days} days, oldest first, zero-filled. Read without starting a run: the
     * numbers include exactly the analytics runs that completed before this request. 404 when the
     * caller's owner has not installed {@code analytics}.
     *
     * @param days how many days the series covers, today included: 1 to 90, default 7
     * @return the statistics
     */
    @Get("/stats")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public AnalyticsStatsResponse stats(@Nullable @QueryValue String days, Authentication authentication) {
        return AnalyticsStatsResponse.from(analytics.stats(
                new AnalyticsStatsQuery(Callers.of(authentication).owner(), days(days))));
    }

    private static int days(String value) {
        if (value == null) {
            return AnalyticsStatsUseCase.DEFAULT_DAYS;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("days", value, "must be a whole number from "
                    + AnalyticsStatsUseCase.MIN_DAYS + " to " + AnalyticsStatsUseCase.MAX_DAYS);
        }
    }
}
