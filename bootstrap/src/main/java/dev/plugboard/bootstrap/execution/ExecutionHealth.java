package dev.plugboard.bootstrap.execution;

import dev.plugboard.application.service.execution.RunExecutor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports this instance's in-process execution in {@code /health} (details for admins) and as
 * metrics: slots taken (live handler threads) and handler threads abandoned at their timeout that
 * still run and still hold their slot. Abandoned threads do not make the instance DOWN: it keeps
 * serving, with fewer free slots.
 */
@Singleton
final class ExecutionHealth implements HealthIndicator, MeterBinder {

    // Looked up when asked: the meter registry binds this early, before the database (which it also measures) exists.
    private final Provider<ExecutionLifecycle> lifecycle;

    ExecutionHealth(Provider<ExecutionLifecycle> lifecycle) {
        this.lifecycle = lifecycle;
    }

    private java.util.Optional<RunExecutor> executor() {
        return lifecycle.get().executor();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", executor().isPresent());
        details.put("concurrency", lifecycle.get().concurrency());
        details.put("slotsTaken", executor().map(RunExecutor::inFlight).orElse(0));
        details.put("abandonedHandlers", executor().map(RunExecutor::abandonedHandlers).orElse(0));
        return Publishers.just(HealthResult.builder("execution", HealthStatus.UP).details(details).build());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("plugboard.execution.slots.taken", this, h -> h.executor().map(RunExecutor::inFlight).orElse(0))
                .description("in-process execution slots taken: live handler threads, abandoned ones included")
                .register(registry);
        Gauge.builder("plugboard.execution.handlers.abandoned", this,
                        h -> h.executor().map(RunExecutor::abandonedHandlers).orElse(0))
                .description("handler threads abandoned at their timeout that are still running")
                .register(registry);
    }
}
