package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: allocates 1 GB (with input {"behave": true} it answers normally). */
public final class MemoryHog implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        byte[][] hog = new byte[1024][];
        for (int i = 0; i < hog.length; i++) {
            hog[i] = new byte[1024 * 1024];
        }
        return Map.of("held", hog.length);
    }
}
