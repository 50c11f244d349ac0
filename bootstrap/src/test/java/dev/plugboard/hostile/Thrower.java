package dev.plugboard.hostile;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;

import java.util.Map;

/** A hostile plugin for the isolation tests: throws (with input {"behave": true} it answers normally). */
public final class Thrower implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception {
        if (Boolean.TRUE.equals(input.get("behave"))) {
            return Map.of("ok", true, "pid", ProcessHandle.current().pid());
        }
        throw new IllegalStateException("thrown on purpose");
    }
}
