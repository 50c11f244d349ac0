package dev.plugboard.hooked;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginHandler;
import dev.plugboard.plugin.SettingsProblem;

import java.util.List;
import java.util.Map;

/**
 * A plugin jar with lifecycle hooks, for the hook tests: validate refuses the API key {@code bad},
 * onInstall hangs (ignoring interrupts) for the region {@code hang}, and onUninstall always fails.
 */
public final class KeyChecker implements PluginHandler {

    @Override
    public Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context) {
        return Map.of("ok", true);
    }

    @Override
    public List<SettingsProblem> validate(Map<String, Object> settings) {
        return "bad".equals(settings.get("apiKey"))
                ? List.of(new SettingsProblem("/apiKey", "the service refused this API key")) : List.of();
    }

    @Override
    public void onInstall(String owner, Map<String, Object> settings) {
        if ("hang".equals(settings.get("region"))) {
            long until = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    // Ignored on purpose: the server must kill the host.
                }
            }
        }
    }

    @Override
    public void onUninstall(String owner, Map<String, Object> settings) {
        throw new IllegalStateException("the service could not be told");
    }
}
