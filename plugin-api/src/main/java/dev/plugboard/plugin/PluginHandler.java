package dev.plugboard.plugin;

import java.util.List;
import java.util.Map;

/**
 * The one interface a plugin implements. A plugin jar names its implementation in
 * {@code plugin.yaml} ({@code execution.handler}); the server runs it in a plugin host, a JVM of its
 * own, so nothing it does can stop the server.
 *
 * <p>JSON values are plain Java values: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}. The class needs a public
 * constructor without arguments; one instance serves every run of its host, one run at a time.
 *
 * <p>The lifecycle hooks ({@link #validate} and the {@code on...} methods) are optional: each does
 * nothing unless overridden. The server calls them in the plugin's host, between runs, with a short
 * timeout ({@code plugboard.plugins.hook-timeout}); their settings are the installation's, secrets
 * included and defaults applied. A hook that throws or does not answer in time fails: a failing
 * {@code validate}, {@code onInstall}, {@code onConfigure} or {@code onEnable} refuses the change, a
 * failing {@code onDisable} or {@code onUninstall} is recorded in the audit and does not stop it.
 * Never log or throw the value of a secret.
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

    /**
     * Checks that a schema cannot express, such as that an API key works; called with settings the
     * schema accepted, before an install, a settings change or a dry run of one.
     *
     * @return the problems found, each at its field; empty (the default) when the settings are fine
     */
    default List<SettingsProblem> validate(Map<String, Object> settings) throws Exception {
        return List.of();
    }

    /** Called before an owner's installation is stored; throwing refuses the install. */
    default void onInstall(String owner, Map<String, Object> settings) throws Exception {
    }

    /** Called before an owner's new settings are stored; throwing refuses the change. */
    default void onConfigure(String owner, Map<String, Object> oldSettings, Map<String, Object> newSettings)
            throws Exception {
    }

    /** Called before an installation is switched on; throwing keeps it off. */
    default void onEnable(String owner, Map<String, Object> settings) throws Exception {
    }

    /** Called when an installation is switched off; a failure is recorded and the installation goes off anyway. */
    default void onDisable(String owner, Map<String, Object> settings) throws Exception {
    }

    /** Called when an installation is removed; a failure is recorded and the installation is removed anyway. */
    default void onUninstall(String owner, Map<String, Object> settings) throws Exception {
    }
}
