package dev.plugboard.adapter.console.circuit;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Circuits: the owner's circuit breakers with their state, counts and how long an open one stays open. */
@Controller("/console/circuits")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class CircuitsController {

    private final CircuitsUseCase circuits;

    CircuitsController(CircuitsUseCase circuits) {
        this.circuits = circuits;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ConsoleUser user = ConsoleUser.of(request);
        return Pages.view("circuits", Chrome.of("Circuits", "circuits", user),
                "circuits", circuits.circuits(user.caller().owner()));
    }
}
