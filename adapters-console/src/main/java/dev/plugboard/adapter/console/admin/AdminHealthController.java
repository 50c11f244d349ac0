package dev.plugboard.adapter.console.admin;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Administration of health: every plugin's score and state, and the open alerts to acknowledge or resolve. */
@Controller("/console/admin/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminHealthController {

    private final PluginHealthUseCase health;
    private final AlertsUseCase alerts;

    AdminHealthController(PluginHealthUseCase health, AlertsUseCase alerts) {
        this.health = health;
        this.alerts = alerts;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return AdminController.forbidden(request);
        }
        return HttpResponse.ok(Pages.view("health", Chrome.of("Health and alerts", "admin", user),
                "health", health.all(),
                "alerts", Stream.concat(alerts.list(Optional.of(AlertStatus.OPEN), 100).stream(),
                        alerts.list(Optional.of(AlertStatus.ACKNOWLEDGED), 100).stream()).toList()));
    }

    @Post("/alerts/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> handle(HttpRequest<?> request, String id, String action) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return AdminController.forbidden(request);
        }
        UUID alert = UUID.fromString(id);
        switch (action) {
            case "acknowledge" -> alerts.acknowledge(user.caller().actor(), alert);
            case "resolve" -> alerts.resolve(user.caller().actor(), alert);
            default -> {
                return ErrorPages.of(request, HttpStatus.NOT_FOUND, "No such action on an alert: " + action);
            }
        }
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }
}
