package dev.plugboard.adapter.rest.operations;

import dev.plugboard.adapter.rest.security.Callers;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.DetailsVisibility;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

import java.security.Principal;

/**
 * {@code /health}, {@code /health/liveness} and {@code /health/readiness} (which includes the
 * database): everyone sees {@code UP} or {@code DOWN}; only an {@code admin} sees the details,
 * which name the database, disk and internals an attacker would like to know.
 */
@Replaces(HealthEndpoint.class)
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
public class OperatorHealthEndpoint extends HealthEndpoint {

    public OperatorHealthEndpoint(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                  @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    @Read
    @SingleResult
    public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
        return super.getHealth(principal);
    }

    @Override
    @Read
    @SingleResult
    public Publisher<HealthResult> getHealth(@Nullable Principal principal, @Selector HealthCheckType selector) {
        return super.getHealth(principal, selector);
    }

    /** {@code endpoints.health.details-visible: NEVER} still hides details from everyone, admins included. */
    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean admin = principal instanceof Authentication authentication && Callers.isAdmin(authentication);
        boolean shown = getDetailsVisible() == DetailsVisibility.ANONYMOUS
                || getDetailsVisible() == DetailsVisibility.AUTHENTICATED && admin;
        return shown ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
