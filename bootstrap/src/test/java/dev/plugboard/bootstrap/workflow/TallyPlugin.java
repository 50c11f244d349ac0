package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.settings.JsonDocument;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A test plugin whose side effect can be counted across JVMs: when an execution completes, it appends
 * {@code <run>:<order>} (from its input) as one line to the file named by its input's {@code ledger}.
 * It records at the very end of {@code execute}, so an execution killed halfway leaves no line.
 */
final class TallyPlugin implements PluginHandler {

    /** Executions started here, by step order. */
    final Map<Integer, AtomicInteger> started = new ConcurrentHashMap<>();
    /** Steps (by order) whose execution hangs here until the JVM dies. */
    volatile IntPredicate hangs = order -> false;
    /** The {@code run:order} of the execution hanging now, once one does. */
    volatile String hanging;

    @Override
    public PluginManifest manifest() {
        // Three attempts, no backoff: a run whose instance was killed gets a second attempt at once.
        return PluginManifest.builder("tally", "1.0.0").displayName("Tally")
                .execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(30),
                        new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.0, Set.of())))
                .inputSchema(JsonDocument.parse("""
                        {"type": "object", "required": ["run", "order", "ledger"], "properties": {
                          "run": {"type": "string"}, "order": {"type": "integer"}, "ledger": {"type": "string"}}}"""))
                .build();
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
        int order = ((Number) input.get("order").orElseThrow()).intValue();
        started.computeIfAbsent(order, o -> new AtomicInteger()).incrementAndGet();
        if (hangs.test(order)) {
            hanging = input.get("run").orElseThrow() + ":" + order;
            Thread.sleep(Long.MAX_VALUE); // mid-step: the kill comes now
        }
        String line = input.get("run").orElseThrow() + ":" + order + System.lineSeparator();
        // One small O_APPEND write per execution: lines from both JVMs never interleave.
        Files.writeString(Path.of((String) input.get("ledger").orElseThrow()), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        return JsonDocument.of(Map.of("order", (long) order, "by", context.runId().toString()));
    }
}
