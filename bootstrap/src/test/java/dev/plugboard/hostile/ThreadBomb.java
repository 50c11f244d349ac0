package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: starts 1,000 threads (with input {"behave": true} it answers normally). */
public final class ThreadBomb implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        for (int i = 0; i < 1000; i++) {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // Ends with its host.
                }
            });
            thread.start();
        }
        return Map.of("started", 1000);
    }
}
