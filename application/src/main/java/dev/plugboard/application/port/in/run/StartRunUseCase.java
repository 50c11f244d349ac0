package dev.plugboard.application.port.in.run;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.run.TraceContext;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.Optional;

/**
 * Queues a run of an installed plugin. Refused, with nothing queued, when the plugin or the
 * installation is switched off or the stored settings no longer pass the schema. The same
 * idempotency key returns the same run.
 */
public interface StartRunUseCase {

    /**
     * @param settingsOverlay settings merged over the installation's for this run only (a workflow
     *                        step's static config); the merged settings must pass the plugin's schema
     */
    record StartRunCommand(Caller caller, PluginName plugin, JsonDocument input, RunTrigger trigger,
                           Optional<String> idempotencyKey, JsonDocument settingsOverlay, Optional<TraceContext> trace) {
        public StartRunCommand {
            Require.present("caller", caller);
            Require.present("plugin", plugin);
            input = input == null ? JsonDocument.empty() : input;
            trigger = trigger == null ? RunTrigger.MANUAL : trigger;
            idempotencyKey = idempotencyKey == null ? Optional.empty()
                    : idempotencyKey.filter(k -> !k.isBlank()).map(k -> Require.noNul("idempotency key", k));
            settingsOverlay = settingsOverlay == null ? JsonDocument.empty() : settingsOverlay;
            trace = trace == null ? Optional.empty() : trace;
        }

        public StartRunCommand(Caller caller, PluginName plugin, JsonDocument input, RunTrigger trigger,
                               Optional<String> idempotencyKey, JsonDocument settingsOverlay) {
            this(caller, plugin, input, trigger, idempotencyKey, settingsOverlay, Optional.empty());
        }

        /** The same command within the caller's trace (the {@code traceparent} of the request that starts the run). */
        public StartRunCommand within(Optional<TraceContext> callersTrace) {
            return new StartRunCommand(caller, plugin, input, trigger, idempotencyKey, settingsOverlay, callersTrace);
        }

        public StartRunCommand(Caller caller, PluginName plugin, JsonDocument input, RunTrigger trigger,
                               Optional<String> idempotencyKey) {
            this(caller, plugin, input, trigger, idempotencyKey, JsonDocument.empty());
        }
    }

    PluginRun start(StartRunCommand command);
}
