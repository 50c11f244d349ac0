package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: calls System.exit(3) (with input {"behave": true} it answers normally). */
public final class Exiter implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        System.exit(3);
        return Map.of();
    }
}
