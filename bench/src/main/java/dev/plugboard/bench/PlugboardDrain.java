package dev.plugboard.bench;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.persistence.PostgresWorkflowStorage;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.ClaimLoop;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plugboard's side of {@link RunsVersusDbScheduler}: a no-op in-process handler executed by the
 * server's claim loop (LISTEN/NOTIFY, re-claim on freed slots, the default 250 ms fallback poll)
 * on the server's own PostgreSQL storage.
 */
final class PlugboardDrain implements RunsVersusDbScheduler.Contender {

    private static final PluginName NOOP = PluginName.of("bench-noop");
    private static final Caller CALLER = Caller.user("bench-runs", "enterprise");

    private final Plugboard plugboard;
    private final Duration pollInterval;
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicLong startedAt = new AtomicLong();

    PlugboardDrain(ApplicationContext context, int concurrency, Duration pollInterval) {
        this.pollInterval = pollInterval;
        PluginHandler noop = new PluginHandler() {
            @Override
            public PluginManifest manifest() {
                return PluginManifest.builder(NOOP.value(), "1.0.0").execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS,
                        Duration.ofSeconds(30), new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Set.of()))).build();
            }

            @Override
            public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext handlerContext) {
                startedAt.set(System.nanoTime());
                executed.incrementAndGet();
                return input;
            }
        };
        plugboard = context.getBean(PostgresWorkflowStorage.class)
                .applyTo(context.getBean(PostgresStorage.class).applyTo(Plugboard.builder()))
                .handlers(new HandlerRegistry(List.of(noop)))
                .executionSettings(new ExecutionSettings("bench", concurrency, Duration.ofSeconds(30), CircuitPolicy.DEFAULT,
                        Duration.ofDays(7)))
                .build();
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(CALLER, NOOP, Optional.empty(), Optional.empty()));
    }

    @Override
    public String name() {
        return "Plugboard";
    }

    private void queue() {
        plugboard.runs().start(new StartRunCommand(CALLER, NOOP, JsonDocument.empty(), RunTrigger.EVENT, Optional.empty()));
    }

    @Override
    public double drain(int runs, Runnable queued) {
        for (int i = 0; i < runs; i++) {
            queue();
        }
        queued.run();
        int target = executed.get() + runs;
        long start = System.nanoTime();
        try (ClaimLoop loop = plugboard.newClaimLoop(pollInterval).start()) {
            RunsVersusDbScheduler.spinUntil(() -> executed.get() >= target && loop.executor().inFlight() == 0);
            return runs / ((System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public List<Double> startLatencies(int samples) {
        try (ClaimLoop loop = plugboard.newClaimLoop(pollInterval).start()) {
            RunsVersusDbScheduler.pause(500); // idle: listening, nothing pending
            return RunsVersusDbScheduler.latencies(samples, () -> {
                int before = executed.get();
                long queued = System.nanoTime();
                queue();
                RunsVersusDbScheduler.spinUntil(() -> executed.get() > before && loop.executor().inFlight() == 0);
                return (startedAt.get() - queued) / 1e6;
            });
        }
    }

    @Override
    public void close() {
        // The server's context owns the storage.
    }
}
