package com.example.excerpt;

import dev.plugboard.plugin.KeyValueStore;
import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginFailure;
import dev.plugboard.plugin.PluginHandler;

import java.util.Arrays;
import java.util.Map;

/** Cuts a text down to its first sentences, and counts the installation's runs in its store. */
public final class ExcerptHandler implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws PluginFailure {
        Object text = input.get("text");
        if (!(text instanceof String value) || value.isBlank()) {
            throw new PluginFailure("TEXT_MISSING", "the input needs a non-empty 'text' string", false);
        }
        int sentences = ((Number) settings.getOrDefault("sentences", 1)).intValue();
        String[] parts = value.strip().split("(?<=[.!?])\\s+");
        String summary = String.join(" ", Arrays.copyOf(parts, Math.min(sentences, parts.length)));

        KeyValueStore store = context.store();
        long runs = store.get("stats").map(stats -> ((Number) stats.get("runs")).longValue()).orElse(0L) + 1;
        store.put("stats", Map.of("runs", runs));
        context.logger().log(System.Logger.Level.INFO, "summarized " + value.length() + " characters");
        return Map.of("summary", summary, "words", value.strip().split("\\s+").length, "runs", runs);
    }
}
