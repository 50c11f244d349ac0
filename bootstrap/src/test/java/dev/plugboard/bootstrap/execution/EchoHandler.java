package dev.plugboard.bootstrap.execution;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A test plugin that counts every execution of every run, and fails or blocks on demand. */
final class EchoHandler implements PluginHandler {

    final Map<RunId, AtomicInteger> executions = new ConcurrentHashMap<>();
    volatile Predicate<HandlerContext> fails = context -> false;
    volatile Predicate<HandlerContext> blocks = context -> false;

    @Override
    public PluginManifest manifest() {
        return PluginManifest.builder("echo", "1.0.0")
                .displayName("Echo")
                .execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(20),
                        new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.0, Set.of())))
                .build();
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
        executions.computeIfAbsent(context.runId(), id -> new AtomicInteger()).incrementAndGet();
        if (blocks.test(context)) {
            Thread.sleep(Long.MAX_VALUE); // until the executor is closed: the instance "dies" mid-run
        }
        if (fails.test(context)) {
            throw new PluginFailure("ECHO_FAILED", "asked to fail", false); // no retries: exactly the failures the test makes
        }
        return JsonDocument.of(Map.of("echo", input.asMap(), "attempt", context.attempt()));
    }
}
