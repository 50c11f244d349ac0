package dev.plugboard.application.spi;

/**
 * Thrown by a handler to fail a run with its own code; {@code retryable} false ends the run at
 * once, whatever attempts remain. The server's side of the plugin API's
 * {@link dev.plugboard.plugin.PluginFailure}: one failure type, with the same code rule.
 */
public class PluginFailure extends dev.plugboard.plugin.PluginFailure {

    private static final long serialVersionUID = 1L;

    public PluginFailure(String code, String message, boolean retryable) {
        super(code, message, retryable);
    }
}
