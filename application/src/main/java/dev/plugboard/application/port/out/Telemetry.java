package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;

/**
 * What the use cases report as it happens, for an operator's meters (runs, attempts, events,
 * settings checks, workflow runs); every method does nothing by default, so embedding needs no
 * metrics library. Calls come from inside use-case transactions and must be cheap and never throw.
 * Owners are deliberately never passed: they would make unbounded label sets.
 */
public interface Telemetry {

    /** Reports nothing: the default of an embedded Plugboard. */
    Telemetry NONE = new Telemetry() {
    };

    /** How one attempt of a run ended. */
    enum AttemptOutcome {
        /** The handler or worker returned a result. */
        SUCCEEDED,
        /** It failed and the run failed for good. */
        FAILED,
        /** It failed and a retry is scheduled. */
        RETRYING,
        /** The run was claimed but could not execute (circuit open, plugin or installation switched off). */
        REFUSED;

        /** The label value: lower case. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A run reached its final state (completed, failed, cancelled); {@code run} is as stored. */
    default void runFinished(PluginRun run) {
    }

    /** An attempt of a run of {@code plugin} ended. */
    default void attemptEnded(PluginName plugin, AttemptOutcome outcome) {
    }

    /** An event of {@code type} was published (a repeated idempotency key included). */
    default void eventPublished(String type) {
    }

    /** Settings for {@code plugin} were validated (install, configure, dry run). */
    default void settingsValidated(String plugin, boolean valid) {
    }

    /** A workflow run reached a final state. */
    default void workflowRunFinished(WorkflowRunStatus status) {
    }
}
