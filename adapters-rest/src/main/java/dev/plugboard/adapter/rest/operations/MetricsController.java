package dev.plugboard.adapter.rest.operations;

import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Serves the metrics in Prometheus text format at {@code /metrics}, where scrapers look by default;
 * Micronaut's own endpoint would sit at {@code /prometheus}. Public: no security requirement in the OpenAPI document.
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(beans = PrometheusMeterRegistry.class)
@Tag(name = "operations")
@ProblemAnswers.TooManyRequests
public class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every meter, in the Prometheus text exposition format.
     *
     * @return the scrape
     */
    @Get
    @Produces(PROMETHEUS_TEXT)
    public String metrics() {
        return registry.scrape();
    }
}
