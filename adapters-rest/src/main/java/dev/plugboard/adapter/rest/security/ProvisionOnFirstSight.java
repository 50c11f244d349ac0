package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.owner.ProvisionOwnerUseCase;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Provider;

/**
 * Provisions the caller (and the organization it acts for) the first time an authenticated
 * request is seen, whatever it asks for. Workers are services, not owners, and are left out.
 */
@ServerFilter("/api/**")
final class ProvisionOnFirstSight implements Ordered {

    private final Provider<ProvisionOwnerUseCase> provisioning;

    ProvisionOnFirstSight(Provider<ProvisionOwnerUseCase> provisioning) {
        this.provisioning = provisioning;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void provision(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/worker/")) {
            return;
        }
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            try {
                provisioning.get().provision(Callers.of(authentication));
            } catch (DomainException badClaims) {
                // A token whose claims name no valid owner is refused by the endpoint itself, with a clear problem.
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
