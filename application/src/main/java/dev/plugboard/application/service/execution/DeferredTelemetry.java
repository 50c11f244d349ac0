package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run's outcome reports, held until the transaction that wrote it has committed: a batch of
 * attempt ends that is rolled back and written again one by one must not count its runs twice.
 */
final class DeferredTelemetry implements Telemetry {

    private final List<Runnable> reports = new ArrayList<>();
    private final Telemetry target;

    DeferredTelemetry(Telemetry target) {
        this.target = target;
    }

    @Override
    public void runFinished(PluginRun run) {
        reports.add(() -> target.runFinished(run));
    }

    @Override
    public void attemptEnded(PluginName plugin, AttemptOutcome outcome) {
        reports.add(() -> target.attemptEnded(plugin, outcome));
    }

    /** Sends what was held: call it once the transaction committed. */
    void send() {
        reports.forEach(Runnable::run);
        reports.clear();
    }

    /** Forgets what was held: the transaction rolled back. */
    void drop() {
        reports.clear();
    }
}
