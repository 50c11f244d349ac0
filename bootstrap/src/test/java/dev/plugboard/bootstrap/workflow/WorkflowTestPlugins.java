package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process plugins for workflow tests: a summarizer with settings, a notifier that records what it got, a flaky one. */
final class WorkflowTestPlugins {

    private WorkflowTestPlugins() {
    }

    private static ExecutionPolicy noRetries() {
        return new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(20),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Set.of()));
    }

    /** Shortens {@code text} to {@code maxWords} words (a setting, default 5); outputs summary and length. */
    static final class Summarize implements PluginHandler {
        final List<JsonDocument> settingsSeen = new CopyOnWriteArrayList<>();

        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("summarize", "1.0.0").displayName("Summarize").execution(noRetries())
                    .settingsSchema(JsonDocument.parse("""
                            {"type": "object", "properties": {
                              "maxWords": {"type": "integer", "minimum": 1, "default": 5},
                              "apiKey": {"type": "string", "writeOnly": true}}}"""))
                    .inputSchema(JsonDocument.parse("""
                            {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}"""))
                    .outputSchema(JsonDocument.parse("""
                            {"type": "object", "properties": {"summary": {"type": "string"}, "length": {"type": "integer"}}}"""))
                    .build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) {
            settingsSeen.add(settings);
            String text = String.valueOf(input.get("text").orElse(""));
            int max = ((Number) settings.get("maxWords").orElse(5L)).intValue();
            List<String> words = List.of(text.split("\\s+"));
            return JsonDocument.of(Map.of("summary", String.join(" ", words.subList(0, Math.min(max, words.size()))),
                    "length", (long) text.length()));
        }
    }

    /** Records every input; fails while {@code failures} is above zero (counting down). */
    static final class Notify implements PluginHandler {
        final List<JsonDocument> inputs = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger executions = new AtomicInteger();

        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("notify", "1.0.0").displayName("Notify").execution(noRetries()).build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws PluginFailure {
            executions.incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new PluginFailure("NOTIFY_DOWN", "the notification service is down", false);
            }
            inputs.add(input);
            return JsonDocument.of(Map.of("delivered", true, "message", input.asMap()));
        }
    }
}
