package dev.plugboard.application.spi;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;

/**
 * A plugin that runs inside the server. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.plugboard.application.spi.PluginHandler} of a jar on the classpath.
 * The manifest it returns is the plugin's single source of truth for its metadata.
 *
 * <p>{@link #execute} may run on any thread, may be interrupted when it passes its timeout, and
 * must be safe to call concurrently for different installations.
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
}
