package dev.plugboard.host;

import dev.plugboard.plugin.PluginHandler;
import dev.plugboard.plugin.SettingsProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls one lifecycle hook the server asked for ({@code {"type":"hook","hook":"onInstall",...}}) and
 * builds the answer: {@code ok} with any settings problems, or the failure. One that hangs is killed
 * with its host by the server.
 */
final class HookCall {

    private HookCall() {
    }

    private static final Map<String, Class<?>[]> HOOKS = Map.of(
            "validate", new Class<?>[] {Map.class},
            "onInstall", new Class<?>[] {String.class, Map.class},
            "onConfigure", new Class<?>[] {String.class, Map.class, Map.class},
            "onEnable", new Class<?>[] {String.class, Map.class},
            "onDisable", new Class<?>[] {String.class, Map.class},
            "onUninstall", new Class<?>[] {String.class, Map.class});

    /** The hooks the handler's class overrides (the interface's defaults do nothing). */
    static List<String> overridden(PluginHandler handler) {
        List<String> found = new ArrayList<>();
        HOOKS.forEach((name, parameters) -> {
            try {
                if (handler.getClass().getMethod(name, parameters).getDeclaringClass() != PluginHandler.class) {
                    found.add(name);
                }
            } catch (NoSuchMethodException e) {
                // Not in this plugin API version: not a hook of this handler.
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> answer(PluginHandler handler, Map<String, Object> message) {
        String hook = String.valueOf(message.get("hook"));
        String owner = String.valueOf(message.get("owner"));
        Map<String, Object> settings = (Map<String, Object>) message.getOrDefault("settings", Map.of());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "hook");
        try {
            List<Map<String, Object>> problems = new ArrayList<>();
            switch (hook) {
                case "validate" -> {
                    List<SettingsProblem> found = handler.validate(settings);
                    for (SettingsProblem problem : found == null ? List.<SettingsProblem>of() : found) {
                        problems.add(Map.of("pointer", problem.pointer(), "message", problem.message()));
                    }
                }
                case "onInstall" -> handler.onInstall(owner, settings);
                case "onConfigure" -> handler.onConfigure(owner,
                        (Map<String, Object>) message.getOrDefault("oldSettings", Map.of()), settings);
                case "onEnable" -> handler.onEnable(owner, settings);
                case "onDisable" -> handler.onDisable(owner, settings);
                case "onUninstall" -> handler.onUninstall(owner, settings);
                default -> throw new IllegalArgumentException("unknown hook '" + hook + "'");
            }
            answer.put("ok", true);
            answer.put("problems", problems);
        } catch (Throwable failure) {
            answer.put("ok", false);
            answer.put("error", failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        return answer;
    }
}
