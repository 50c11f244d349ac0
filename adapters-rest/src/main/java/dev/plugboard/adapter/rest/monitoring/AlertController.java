package dev.plugboard.adapter.rest.monitoring;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.error.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * Alerts: administrators list, acknowledge and resolve them; an owner lists the alerts about their
 * own circuits. Alerts also resolve themselves when their condition clears.
 */
@BearerOperations
@Controller("/api")
@Tag(name = "alerts")
public class AlertController {

    private static final int DEFAULT_LIMIT = 100;

    private final AlertsUseCase alerts;

    public AlertController(AlertsUseCase alerts) {
        this.alerts = alerts;
    }

    /**
     * Alerts, the most recently seen first.
     *
     * @param status only {@code open}, {@code acknowledged} or {@code resolved} ones
     * @param limit  at most this many, 1 to 500 (default 100)
     * @return the alerts
     */
    @Get("/admin/alerts")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @Secured(Roles.ADMIN)
    public AlertListResponse listAlerts(@Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
        return new AlertListResponse(alerts.list(status(status), limit(limit)).stream().map(AlertResponse::from).toList());
    }

    /**
     * Marks an open alert as seen by an operator; it stays active until its condition clears or it is resolved.
     *
     * @param id the alert's id
     * @return the alert
     */
    @Post("/admin/alerts/{id}/acknowledge")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @Secured(Roles.ADMIN)
    public AlertResponse acknowledgeAlert(String id, Authentication authentication) {
        return AlertResponse.from(alerts.acknowledge(Callers.of(authentication).actor(), id(id)));
    }

    /**
     * Resolves an alert by hand; if its condition still holds, the health job opens a new one.
     *
     * @param id the alert's id
     * @return the alert
     */
    @Post("/admin/alerts/{id}/resolve")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @Secured(Roles.ADMIN)
    public AlertResponse resolveAlert(String id, Authentication authentication) {
        return AlertResponse.from(alerts.resolve(Callers.of(authentication).actor(), id(id)));
    }

    /**
     * Alerts about the caller's own circuits (the token's organization's when it names one).
     *
     * @param status only {@code open}, {@code acknowledged} or {@code resolved} ones
     * @param limit  at most this many, 1 to 500 (default 100)
     * @return the alerts
     */
    @Get("/user/alerts")
    @ProblemAnswers.BadRequest
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public AlertListResponse listOwnAlerts(@Nullable @QueryValue String status, @Nullable @QueryValue Integer limit,
                                           Authentication authentication) {
        return new AlertListResponse(alerts.listForOwner(Callers.of(authentication).owner(), status(status), limit(limit))
                .stream().map(AlertResponse::from).toList());
    }

    private static Optional<AlertStatus> status(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank()).map(t -> AlertStatus.fromWire(t.strip()));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > AlertsUseCase.MAX_LIST) {
            throw new InvalidValueException("limit", String.valueOf(limit), "use 1 to " + AlertsUseCase.MAX_LIST);
        }
        return limit;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", text, "an alert id is a UUID, as listed by GET /api/admin/alerts");
        }
    }
}
