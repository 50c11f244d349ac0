package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code execution.maxConcurrentPerOwner} holds across two server instances on one PostgreSQL:
 * one owner's burst never has more runs executing than the limit, while another owner's runs
 * still get the free slots.
 */
class PerOwnerLimitAcrossInstancesTest {

    private static final PluginName LIMITED = PluginName.of("limited");
    private static final int LIMIT = 2;

    @TempDir
    Path data;

    /** Blocks until opened, counting how many runs of each owner execute at once, over both instances. */
    static final class LimitedHandler implements PluginHandler {
        final Map<Owner, AtomicInteger> live = new ConcurrentHashMap<>();
        final Map<Owner, AtomicInteger> most = new ConcurrentHashMap<>();
        volatile boolean open;

        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("limited", "1.0.0")
                    .execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(30),
                            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, java.util.Set.of()),
                            ExecutionPolicy.DEFAULT_START_TIMEOUT, LIMIT))
                    .build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
            int now = live.computeIfAbsent(context.owner(), o -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(context.owner(), o -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                while (!open) {
                    Thread.sleep(10);
                }
                Thread.sleep(20); // keeps runs overlapping after the gate opens, so the limit is tested all along
                return JsonDocument.empty();
            } finally {
                live.get(context.owner()).decrementAndGet();
            }
        }
    }

    @Test
    void givenBurstOfOneOwner_twoInstances_neverRunMoreThanItsLimitAtOnce_andAnotherOwnerIsServedMeanwhile() throws Exception {
        LimitedHandler handler = new LimitedHandler();
        ExecutionSettings settings = new ExecutionSettings("unused", 4, Duration.ofSeconds(30), CircuitPolicy.DEFAULT,
                Duration.ofDays(7));
        try (TwoInstances instances = new TwoInstances(data)) {
            Plugboard a = instances.instance(true, "instance-a", handler, settings);
            Plugboard b = instances.instance(false, "instance-b", handler, settings);
            Caller burst = install(a, "burst");
            Caller quiet = install(a, "quiet");
            List<PluginRun> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                runs.add(start(i % 2 == 0 ? a : b, burst));
            }
            runs.add(start(b, quiet));
            runs.add(start(a, quiet));
            Sql sql = instances.context(true).getBean(Sql.class);

            try (RunExecutor executorA = a.newExecutor(); RunExecutor executorB = b.newExecutor()) {
                await(() -> live(handler, burst) == LIMIT && live(handler, quiet) == LIMIT, Duration.ofSeconds(30), () -> {
                    executorA.poll();
                    executorB.poll();
                });
                for (int i = 0; i < 20; i++) { // both instances have free slots, and keep asking
                    executorA.poll();
                    executorB.poll();
                    Thread.sleep(10);
                }
                assertThat(live(handler, burst)).as("burst's runs executing while 4 slots are free").isEqualTo(LIMIT);
                assertThat(processing(sql, "burst")).as("burst's processing runs in the database").isEqualTo(LIMIT);

                handler.open = true;
                await(() -> runs.stream().allMatch(run -> a.runs().get(run.owner(), run.id()).status() == RunStatus.COMPLETED),
                        Duration.ofSeconds(60), () -> {
                            executorA.poll();
                            executorB.poll();
                        });
            }
            assertThat(handler.most.get(burst.owner()).get()).as("most of burst's runs ever executing at once").isEqualTo(LIMIT);
            assertThat(handler.most.get(quiet.owner()).get()).isLessThanOrEqualTo(LIMIT);
        }
    }

    private static int live(LimitedHandler handler, Caller caller) {
        return handler.live.getOrDefault(caller.owner(), new AtomicInteger()).get();
    }

    private static long processing(Sql sql, String user) {
        return sql.one("SELECT count(*) AS n FROM plugin_runs WHERE status = 'processing' AND user_id = ?",
                row -> row.getLong("n"), user).orElseThrow();
    }

    private static Caller install(Plugboard plugboard, String user) {
        Caller caller = Caller.user(user, "enterprise");
        plugboard.installations().install(new InstallPluginCommand(caller, LIMITED, Optional.empty(), Optional.empty()));
        return caller;
    }

    private static PluginRun start(Plugboard plugboard, Caller caller) {
        return plugboard.runs().start(new StartRunCommand(caller, LIMITED, JsonDocument.empty(), RunTrigger.MANUAL,
                Optional.empty()));
    }

    private static void await(BooleanSupplier done, Duration limit, Runnable tick) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            tick.run();
            Thread.sleep(20);
        }
    }
}
