package dev.plugboard.adapter.isolation;

import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.plugin.SettingsProblem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions asked of a process-mode plugin in a host of its pool between runs: its health check
 * and its lifecycle hooks. The server's hook timeout interrupts the waiting thread: the host is killed then, so a
 * hook that hangs never holds a host.
 */
final class HostHooks {

    /** A backstop only: the server's own hook timeout is much shorter. */
    private static final Duration ANSWER_LIMIT = Duration.ofMinutes(1);

    private static final Duration HEALTH_ANSWER_LIMIT = Duration.ofSeconds(10);

    private final HostPool pool;

    HostHooks(HostPool pool) {
        this.pool = pool;
    }

    /**
     * The plugin's own check, asked in a host of its pool between runs (a warm one, or one started for
     * it). No answer within {@link #HEALTH_ANSWER_LIMIT} kills that host; the health job has long
     * counted the check as unhealthy by then (its own timeout is shorter).
     */
    public Optional<HealthState> health() {
        PluginHost host;
        try {
            host = pool.acquire();
        } catch (HostFailure failure) {
            return Optional.of(HealthState.UNHEALTHY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        boolean answered = false;
        try {
            Map<String, Object> answer = host.ask(Map.of("type", "health"), HEALTH_ANSWER_LIMIT);
            answered = answer != null && "health".equals(answer.get("type"));
            if (!answered) {
                return Optional.of(HealthState.UNHEALTHY);
            }
            Object state = answer.get("state");
            return state == null ? Optional.empty() : Optional.of(HealthState.fromCheckAnswer(String.valueOf(state)));
        } catch (IOException e) {
            return Optional.of(HealthState.UNHEALTHY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            pool.release(host, answered);
        }
    }

    /** Calls {@code hook} in a host and returns the problems it found (none for hooks other than validate). */
    @SuppressWarnings("unchecked")
    List<SettingsProblem> call(String hook, Owner owner, JsonDocument settings, JsonDocument oldSettings)
            throws PluginFailure, InterruptedException {
        if (pool.hooks().map(declared -> !declared.contains(hook)).orElse(false)) {
            return List.of(); // the handler keeps the interface's default: nothing to ask
        }
        PluginHost host;
        try {
            host = pool.acquire();
        } catch (HostFailure failure) {
            throw new PluginFailure(failure.code(), failure.getMessage(), false);
        }
        boolean answered = false;
        try {
            Map<String, Object> answer = host.ask(message(hook, owner, settings, oldSettings), ANSWER_LIMIT);
            answered = answer != null && "hook".equals(answer.get("type"));
            if (!answered) {
                throw new PluginFailure("HOOK_NO_ANSWER", "the plugin host did not answer the " + hook + " hook", false);
            }
            if (!Boolean.TRUE.equals(answer.get("ok"))) {
                throw new PluginFailure("HOOK_FAILED", String.valueOf(answer.get("error")), false);
            }
            List<SettingsProblem> problems = new ArrayList<>();
            for (Object item : (List<Object>) answer.getOrDefault("problems", List.of())) {
                Map<String, Object> problem = (Map<String, Object>) item;
                problems.add(new SettingsProblem(String.valueOf(problem.get("pointer")), String.valueOf(problem.get("message"))));
            }
            return problems;
        } catch (IOException e) {
            throw new PluginFailure("HOST_CRASHED", "the plugin host stopped answering: " + e.getMessage(), false);
        } finally {
            // Interrupted (the hook timed out) or no answer: this host is killed, a fresh one replaces it.
            pool.release(host, answered);
        }
    }

    private static Map<String, Object> message(String hook, Owner owner, JsonDocument settings, JsonDocument oldSettings) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "hook");
        message.put("hook", hook);
        message.put("owner", owner == null ? "" : owner.toString());
        message.put("settings", settings.asMap());
        if (oldSettings != null) {
            message.put("oldSettings", oldSettings.asMap());
        }
        return message;
    }
}
