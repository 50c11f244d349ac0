package dev.plugboard.application.service.monitoring;

import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the health checks of in-process handlers that declare one, each bounded by a timeout: a
 * check that hangs or throws counts as unhealthy and never stalls the job.
 */
final class ActiveChecks {

    private final HandlerRegistry handlers;
    private final Duration timeout;

    ActiveChecks(HandlerRegistry handlers, Duration timeout) {
        this.handlers = handlers;
        this.timeout = timeout;
    }

    /** The answers of the enabled in-process plugins that have a check. */
    Map<PluginName, HealthState> run(List<Plugin> plugins) {
        Map<PluginName, HealthState> answers = new HashMap<>();
        for (Plugin plugin : plugins) {
            if (plugin.isEnabled() && plugin.manifest().execution().mode() == ExecutionMode.IN_PROCESS) {
                handlers.find(plugin.name()).flatMap(this::check).ifPresent(state -> answers.put(plugin.name(), state));
            }
        }
        return answers;
    }

    private Optional<HealthState> check(PluginHandler handler) {
        CompletableFuture<Optional<HealthState>> answer = CompletableFuture.supplyAsync(handler::health);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            return Optional.of(HealthState.UNHEALTHY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
