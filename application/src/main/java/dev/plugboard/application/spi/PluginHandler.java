package dev.plugboard.application.spi;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.plugin.SettingsProblem;

import java.util.List;

/**
 * A plugin that runs inside the server. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.plugboard.application.spi.PluginHandler} of a jar on the classpath.
 * The manifest it returns is the plugin's single source of truth for its metadata.
 *
 * <p>{@link #execute} may run on any thread, may be interrupted when it passes its timeout, and
 * must be safe to call concurrently for different installations.
 *
 * <p>The lifecycle hooks are optional and do nothing unless overridden; they mean what they mean in
 * the plugin API ({@link dev.plugboard.plugin.PluginHandler}): called on a thread of their own with
 * {@code plugboard.plugins.hook-timeout}, with the installation's settings, secrets included.
 */
public interface PluginHandler {

    /** The plugin's metadata; its name ties the handler to its runs. */
    PluginManifest manifest();

    /**
     * Runs once.
     *
     * @param input    the run's input, valid against the manifest's input schema if it has one
     * @param settings the installation's settings, secrets included, defaults applied
     * @return the run's output, valid against the output schema if the manifest has one
     * @throws PluginFailure for a failure with a code of the plugin's choosing; any other exception
     *                       fails the attempt with code {@code HANDLER_ERROR} (retried)
     */
    JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception;

    /**
     * The plugin's own health check, which Plugboard calls on a schedule (every
     * {@code plugboard.health.interval}) with a short timeout; a check that throws or hangs counts as
     * unhealthy. The default has no check.
     *
     * @return the state the plugin reports, or empty when it has no check
     */
    default java.util.Optional<dev.plugboard.domain.health.HealthState> health() {
        return java.util.Optional.empty();
    }

    /** Checks a schema cannot express, on settings the schema accepted; the problems come back as violations. */
    default List<SettingsProblem> validate(JsonDocument settings) throws Exception {
        return List.of();
    }

    /** Before an installation is stored; throwing refuses the install. */
    default void onInstall(Owner owner, JsonDocument settings) throws Exception {
    }

    /** Before new settings are stored; throwing refuses the change. */
    default void onConfigure(Owner owner, JsonDocument oldSettings, JsonDocument newSettings) throws Exception {
    }

    /** Before an installation is switched on; throwing keeps it off. */
    default void onEnable(Owner owner, JsonDocument settings) throws Exception {
    }

    /** When an installation is switched off; a failure is recorded and does not stop it. */
    default void onDisable(Owner owner, JsonDocument settings) throws Exception {
    }

    /** When an installation is removed; a failure is recorded and does not stop it. */
    default void onUninstall(Owner owner, JsonDocument settings) throws Exception {
    }
}
