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
 * Calls the health checks of the handlers this server runs (in-process, and process-mode ones in their
 * plugin host) that declare one, each bounded by a timeout: a check that hangs or throws counts as
 * unhealthy and never stalls the job.
 */
final class ActiveChecks {

    private final HandlerRegistry handlers;
    private final Duration timeout;
    /** A check still running from an earlier tick is not called again, so a hanging one holds one thread, not one per tick. */
    private final Map<PluginName, CompletableFuture<Optional<HealthState>>> running = new java.util.concurrent.ConcurrentHashMap<>();

    ActiveChecks(HandlerRegistry handlers, Duration timeout) {
        this.handlers = handlers;
        this.timeout = timeout;
    }

    /** The answers of the enabled plugins this server runs that have a check. */
    Map<PluginName, HealthState> run(List<Plugin> plugins) {
        Map<PluginName, HealthState> answers = new HashMap<>();
        for (Plugin plugin : plugins) {
            if (plugin.isEnabled() && plugin.manifest().execution().mode() != ExecutionMode.EXTERNAL) {
                handlers.find(plugin.name()).flatMap(handler -> check(plugin.name(), handler))
                        .ifPresent(state -> answers.put(plugin.name(), state));
            }
        }
        return answers;
    }

    private Optional<HealthState> check(PluginName plugin, PluginHandler handler) {
        CompletableFuture<Optional<HealthState>> answer = running.computeIfAbsent(plugin,
                name -> CompletableFuture.supplyAsync(handler::health));
        try {
            Optional<HealthState> state = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            running.remove(plugin, answer);
            return state == null ? Optional.empty() : state;
        } catch (TimeoutException e) {
            return Optional.of(HealthState.UNHEALTHY);
        } catch (ExecutionException e) {
            running.remove(plugin, answer);
            return Optional.of(HealthState.UNHEALTHY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
