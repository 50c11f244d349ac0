package dev.plugboard.adapter.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.plugboard.application.port.out.AttemptUsage;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The server-side handler of a process-mode plugin: sends each run to a host of the plugin's pool
 * and turns the answer, or the host's death, into the run's outcome. When the executor gives up
 * (its timeout interrupts this thread) the host is asked to cancel and killed after a grace period.
 */
final class ProcessPluginHandler implements PluginHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessPluginHandler.class.getName());

    private final PluginManifest manifest;
    private final HostPool pool;
    private final Duration cpuLimit;
    private final Duration killGrace;
    private final Executor reapers;
    private final AttemptUsage usage;
    private final HostHooks hooks;

    ProcessPluginHandler(PluginManifest manifest, PluginPackage pkg, HostPool pool, Duration killGrace, Executor reapers,
                         AttemptUsage usage) {
        this.manifest = manifest;
        this.pool = pool;
        this.cpuLimit = pkg.cpu().orElse(manifest.execution().timeout());
        this.killGrace = killGrace;
        this.reapers = reapers;
        this.usage = usage;
        this.hooks = new HostHooks(pool);
    }

    @Override
    public PluginManifest manifest() {
        return manifest;
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
        PluginHost host = acquire();
        Map<String, Object> answer;
        try {
            host.send(request(input, settings, context), context.runId().toString());
            answer = host.await(cpuLimit);
        } catch (InterruptedException timedOut) {
            cancelThenKill(host);
            throw timedOut;
        } catch (HostFailure failure) {
            pool.release(host, false);
            throw new PluginFailure(failure.code(), failure.getMessage(), failure.retryable());
        } catch (IOException | RuntimeException broken) {
            pool.release(host, false);
            throw new PluginFailure("HOST_CRASHED", "the plugin host stopped answering: " + broken.getMessage(), true);
        }
        pool.release(host, !Boolean.TRUE.equals(answer.get("recycle")));
        record(answer, context);
        return outcome(answer, context);
    }

    /** The plugin's own check, asked in a host of its pool between runs. */
    @Override
    public Optional<HealthState> health() {
        return hooks.health();
    }

    @Override
    public List<dev.plugboard.plugin.SettingsProblem> validate(JsonDocument settings) throws Exception {
        return hooks.call("validate", null, settings, null);
    }

    @Override
    public void onInstall(Owner owner, JsonDocument settings) throws Exception {
        hooks.call("onInstall", owner, settings, null);
    }

    @Override
    public void onConfigure(Owner owner, JsonDocument oldSettings, JsonDocument newSettings) throws Exception {
        hooks.call("onConfigure", owner, newSettings, oldSettings);
    }

    @Override
    public void onEnable(Owner owner, JsonDocument settings) throws Exception {
        hooks.call("onEnable", owner, settings, null);
    }

    @Override
    public void onDisable(Owner owner, JsonDocument settings) throws Exception {
        hooks.call("onDisable", owner, settings, null);
    }

    @Override
    public void onUninstall(Owner owner, JsonDocument settings) throws Exception {
        hooks.call("onUninstall", owner, settings, null);
    }

    /** Usage is history, not the outcome: a failure to keep it is logged, and the run's result stands. */
    private void record(Map<String, Object> answer, HandlerContext context) {
        if (answer.get("cpuNanos") instanceof Number cpu && answer.get("peakHeapBytes") instanceof Number heap) {
            try {
                usage.record(context.runId(), context.attempt(), Duration.ofNanos(cpu.longValue()), heap.longValue());
            } catch (RuntimeException e) {
                LOG.warn("the usage of run " + context.runId() + " was not kept: " + e.getMessage());
            }
        }
    }

    private PluginHost acquire() throws PluginFailure, InterruptedException {
        try {
            return pool.acquire();
        } catch (HostFailure failure) {
            throw new PluginFailure(failure.code(), failure.getMessage(), failure.retryable());
        }
    }

    private static Map<String, Object> request(JsonDocument input, JsonDocument settings, HandlerContext context) {
        Map<String, Object> store = new LinkedHashMap<>();
        context.store().all().forEach((key, value) -> store.put(key, value.asMap()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "run");
        request.put("runId", context.runId().toString());
        request.put("owner", context.owner().toString());
        request.put("attempt", context.attempt());
        request.put("input", input.asMap());
        request.put("settings", settings.asMap());
        request.put("store", store);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static JsonDocument outcome(Map<String, Object> answer, HandlerContext context) throws PluginFailure {
        if ("failed".equals(answer.get("type"))) {
            throw new PluginFailure(String.valueOf(answer.get("code")), String.valueOf(answer.get("message")),
                    Boolean.TRUE.equals(answer.get("retryable")));
        }
        Object writes = answer.get("writes");
        if (writes instanceof Map<?, ?> changes) {
            ((Map<String, Object>) changes).forEach((key, value) -> {
                if (value == null) {
                    context.store().delete(key);
                } else {
                    context.store().put(key, JsonDocument.of((Map<String, Object>) value));
                }
            });
        }
        Object output = answer.get("output");
        return output instanceof Map<?, ?> map ? JsonDocument.of((Map<String, Object>) map) : null;
    }

    /** The run is over for the server; the host gets a moment to stop cleanly before it is killed. */
    private void cancelThenKill(PluginHost host) {
        host.cancel();
        reapers.execute(() -> {
            boolean stopped = false;
            try {
                Map<String, Object> late = host.answerWithin(killGrace);
                stopped = late != null && !Boolean.TRUE.equals(late.get("recycle"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.release(host, stopped);
            }
        });
    }
}
