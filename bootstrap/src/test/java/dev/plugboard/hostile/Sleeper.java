package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: sleeps past its timeout, ignoring interrupts (with input {"behave": true} it answers normally). */
public final class Sleeper implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // Ignored on purpose: the host must be killed.
            }
        }
        return Map.of();
    }
}
