package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: writes megabytes to stdout, then answers (with input {"behave": true} it answers normally). */
public final class Chatter implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        String line = "x".repeat(1023);
        for (int i = 0; i < 4096; i++) {
            System.out.println(line);
        }
        return Map.of("wrote", 4096 * 1024);
    }
}
