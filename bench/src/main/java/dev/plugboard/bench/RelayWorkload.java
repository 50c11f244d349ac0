package dev.plugboard.bench;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run workload of the throughput benchmarks: an external plugin whose runs are queued, claimed by a
 * worker and completed through the use cases on the in-memory storage (run ledger, installation stats,
 * circuit, attempts), in batches.
 */
final class RelayWorkload {

    /** Runs per {@link #cycle}: a fresh Plugboard per cycle keeps the in-memory ledger small and the work equal. */
    static final int RUNS = 200;
    private static final int BATCH = 50;
    static final PluginName PLUGIN = PluginName.of("bench-relay");
    private static final Caller OWNER = Caller.user("bench-owner", null);
    private static final PluginManifest MANIFEST = PluginManifest.builder(PLUGIN.value(), "1.0.0")
            .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30),
                    new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Set.of())))
            .build();
    private static final JsonDocument INPUT = JsonDocument.of(Map.of("text", "hello"));
    private static final JsonDocument OUTPUT = JsonDocument.of(Map.of("delivered", true));

    private RelayWorkload() {
    }

    /** A new in-memory Plugboard reporting to {@code telemetry}, with the plugin installed for the owner. */
    static Plugboard fresh(Telemetry telemetry) {
        Plugboard plugboard = Plugboard.builder().manifest(MANIFEST).telemetry(telemetry).build();
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(OWNER, PLUGIN, Optional.of(JsonDocument.empty()),
                Optional.empty()));
        return plugboard;
    }

    /** Queues, claims and completes one run; answers it completed. */
    static PluginRun completeOne(Plugboard plugboard) {
        plugboard.runs().start(new StartRunCommand(OWNER, PLUGIN, INPUT, RunTrigger.MANUAL, Optional.empty()));
        ClaimedRun claimed = plugboard.workers().claim(new ClaimCommand("bench-worker", Set.of(PLUGIN), 1, 60)).get(0);
        return plugboard.workers().complete("bench-worker", claimed.run().id(), OUTPUT);
    }

    /** Queues, claims and completes {@link #RUNS} runs; answers how many completed. */
    static int cycle(Plugboard plugboard) {
        int completed = 0;
        for (int round = 0; round < RUNS / BATCH; round++) {
            for (int i = 0; i < BATCH; i++) {
                plugboard.runs().start(new StartRunCommand(OWNER, PLUGIN, INPUT, RunTrigger.MANUAL, Optional.empty()));
            }
            List<ClaimedRun> claimed = plugboard.workers().claim(new ClaimCommand("bench-worker", Set.of(PLUGIN), BATCH, 60));
            for (ClaimedRun run : claimed) {
                plugboard.workers().complete("bench-worker", run.run().id(), OUTPUT);
                completed++;
            }
        }
        return completed;
    }
}
