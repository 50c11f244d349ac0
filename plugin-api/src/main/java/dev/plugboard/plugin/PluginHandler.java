package dev.plugboard.plugin;

import java.util.Map;

/**
 * The one interface a plugin implements. A plugin jar names its implementation in
 * {@code plugin.yaml} ({@code execution.handler}); the server runs it in a plugin host, a JVM of its
 * own, so nothing it does can stop the server.
 *
 * <p>JSON values are plain Java values: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}. The class needs a public
 * constructor without arguments; one instance serves every run of its host, one run at a time.
 */
public interface PluginHandler {

    /**
     * Runs once.
     *
     * @param input    the run's input, valid against the manifest's input schema if it has one
     * @param settings the installation's settings, secrets included, defaults applied
     * @param context  who runs it, its key-value store, a logger and whether it was cancelled
     * @return the run's output: a JSON object, valid against the output schema if the manifest has one
     * @throws PluginFailure to fail the run with a code of the plugin's choosing; any other exception
     *                       fails the attempt with {@code HANDLER_ERROR}, which is retried
     */
    Map<String, Object> execute(Map<String, Object> input, Map<String, Object> settings, PluginContext context)
            throws Exception;

    /**
     * An optional health check, which the server calls on a schedule with a short timeout; one that
     * throws or hangs counts as unhealthy. A plugin in a plugin host ({@code execution.mode: process})
     * is asked in its host, between runs.
     *
     * @return {@code "healthy"}, {@code "degraded"} or {@code "unhealthy"}; null (the default) for no check
     */
    default String health() {
        return null;
    }
}
