package dev.plugboard.adapter.rest.circuit;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Comparator;

/**
 * The caller's circuit breakers: one per plugin, shared by every server instance. They live at
 * {@value #PATH}; the old {@value #DEPRECATED_PATH} answers the same for one more release, marked
 * deprecated, since a plugin could never be named {@code circuits} there.
 */
@BearerOperations
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "circuits")
public class CircuitController {

    public static final String PATH = "/api/user/circuits";
    public static final String DEPRECATED_PATH = "/api/user/plugins/circuits";

    private final CircuitsUseCase circuits;

    public CircuitController(CircuitsUseCase circuits) {
        this.circuits = circuits;
    }

    /**
     * The circuit breakers of the caller's owner (the user, or the organization of the token's
     * {@code org} claim), by plugin name.
     *
     * @return state and counts of each
     */
    @Get(PATH)
    public CircuitListResponse listCircuits(Authentication authentication) {
        return new CircuitListResponse(circuits.circuits(Callers.of(authentication).owner()).stream()
                .map(CircuitResponse::from)
                .sorted(Comparator.comparing(CircuitResponse::plugin))
                .toList());
    }

    /**
     * Deprecated: use {@code GET /api/user/circuits}. Answers the same, with a {@code Deprecation}
     * header and a {@code Link} to the new path; removed in the release after next.
     *
     * @return state and counts of each circuit
     */
    @Deprecated
    @Operation(deprecated = true, summary = "Deprecated: use GET /api/user/circuits")
    @Get(DEPRECATED_PATH)
    public HttpResponse<CircuitListResponse> listCircuitsAtTheOldPath(Authentication authentication) {
        return HttpResponse.ok(listCircuits(authentication))
                .header("Deprecation", "true")
                .header("Link", "<" + PATH + ">; rel=\"successor-version\"");
    }
}
