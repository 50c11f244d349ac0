package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: spins in a tight loop, ignoring interrupts and cancellation (with input {"behave": true} it answers normally). */
public final class Spinner implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return Map.of("spins", spins);
    }
}
