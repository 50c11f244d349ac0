package dev.plugboard.bootstrap.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two executors, two reapers and two views of the circuits on one PostgreSQL. */
class MultiInstanceExecutionTest {

    private static final PluginName ECHO = PluginName.of("echo");
    private static final ExecutionSettings SETTINGS = new ExecutionSettings("unused", 4, Duration.ofSeconds(30),
            new CircuitPolicy(3, Duration.ofSeconds(2), 1), Duration.ofDays(7));

    @TempDir
    static Path data;
    private static TwoInstances instances;
    private static final EchoHandler HANDLER_A = new EchoHandler();
    private static final EchoHandler HANDLER_B = new EchoHandler();
    private static Plugboard a;
    private static Plugboard b;

    @BeforeAll
    static void start() {
        instances = new TwoInstances(data);
        a = instances.instance(true, "instance-a", HANDLER_A, SETTINGS);
        b = instances.instance(false, "instance-b", HANDLER_B, SETTINGS);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static Caller install(String user) {
        Caller caller = Caller.user(user, "enterprise");
        a.installations().install(new InstallPluginCommand(caller, ECHO, Optional.empty(), Optional.empty()));
        return caller;
    }

    private static PluginRun start(Plugboard plugboard, Caller caller, int n) {
        return plugboard.runs().start(new StartRunCommand(caller, ECHO, JsonDocument.of(Map.of("n", n)), RunTrigger.MANUAL,
                Optional.empty()));
    }

    private static List<PluginRun> all(Owner owner) {
        List<PluginRun> runs = new ArrayList<>();
        PageRequest page = PageRequest.first(200);
        while (true) {
            var result = a.runs().list(owner, RunFilter.ALL, page);
            runs.addAll(result.items());
            if (result.next().isEmpty()) {
                return runs;
            }
            page = page.next(result.next().get());
        }
    }

    private static void await(BooleanSupplier done, Duration limit, Runnable tick) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            tick.run();
            Thread.sleep(20);
        }
    }

    @Test
    void givenThousandRuns_twoExecutors_completeEachExactlyOnceAndLeaveNoneBehind() throws Exception {
        Caller bulk = install("bulk");
        for (int i = 0; i < 1000; i++) {
            start(i % 2 == 0 ? a : b, bulk, i);
        }
        try (RunExecutor executorA = a.newExecutor(); RunExecutor executorB = b.newExecutor()) {
            AtomicInteger completed = new AtomicInteger();
            await(() -> completed.get() == 1000, Duration.ofMinutes(3), () -> {
                executorA.poll();
                executorB.poll();
                completed.set((int) all(bulk.owner()).stream().filter(run -> run.status() == RunStatus.COMPLETED).count());
            });
        }
        List<PluginRun> runs = all(bulk.owner());
        assertThat(runs).hasSize(1000).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.lease()).isEmpty();
        });
        for (PluginRun run : runs) {
            int byA = HANDLER_A.executions.getOrDefault(run.id(), new AtomicInteger()).get();
            int byB = HANDLER_B.executions.getOrDefault(run.id(), new AtomicInteger()).get();
            assertThat(byA + byB).as("executions of run %s", run.id()).isEqualTo(1);
        }
        assertThat(runs.stream().filter(run -> HANDLER_A.executions.containsKey(run.id())).count()).as("instance a's share").isPositive();
        assertThat(runs.stream().filter(run -> HANDLER_B.executions.containsKey(run.id())).count()).as("instance b's share").isPositive();
        assertThat(a.installations().getInstallation(bulk.owner(), "echo").executionCount()).isEqualTo(1000);
    }

    @Test
    void givenInstanceShuttingDownMidRun_itsRunIsReapedAndFinishedByTheOther() throws Exception {
        Caller victim = install("victim");
        Plugboard shortLease = instances.instance(true, "instance-dying", HANDLER_A,
                new ExecutionSettings("x", 2, Duration.ofSeconds(1), SETTINGS.circuit(), SETTINGS.idleCircuit()));
        HANDLER_A.blocks = context -> context.owner().equals(victim.owner());
        PluginRun run = start(shortLease, victim, 1);
        RunExecutor dying = shortLease.newExecutor();
        dying.poll();
        await(() -> HANDLER_A.executions.containsKey(run.id()), Duration.ofSeconds(10), () -> { });
        dying.close(); // shutting down interrupts the handler; its lease is left to expire (KilledInstanceTest does kill -9)

        try (RunExecutor survivor = b.newExecutor()) {
            await(() -> a.runs().get(victim.owner(), run.id()).status() == RunStatus.COMPLETED, Duration.ofSeconds(30), () -> {
                b.reaper().reap();
                survivor.poll();
            });
        }
        PluginRun finished = a.runs().get(victim.owner(), run.id());
        assertThat(finished.attempt()).isEqualTo(2);
        assertThat(finished.output()).get().satisfies(output -> assertThat(output.at("/attempt")).contains(2L));
        assertThat(HANDLER_A.executions.get(run.id()).get()).isEqualTo(1);
        assertThat(HANDLER_B.executions.get(run.id()).get()).isEqualTo(1);
        HANDLER_A.blocks = context -> false;
    }

    @Test
    void givenCircuitOpenedByOneInstance_theOtherSeesItRejectsThenHalfOpensAndCloses() throws Exception {
        Caller flaky = install("flaky");
        HANDLER_A.fails = context -> context.owner().equals(flaky.owner());
        try (RunExecutor executorA = a.newExecutor()) {
            List<RunId> failing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                failing.add(start(a, flaky, i).id());
            }
            await(() -> b.circuits().circuits(flaky.owner()).stream().anyMatch(c -> c.state() == CircuitState.OPEN),
                    Duration.ofSeconds(30), executorA::poll);
        }
        PluginRun rejected = start(b, flaky, 99);
        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(rejected.error()).get().satisfies(error -> assertThat(error.code()).isEqualTo("PLUGIN_CIRCUIT_OPEN"));
        assertThat(rejected.output()).get().satisfies(output -> assertThat(output.at("/retryAfterSeconds")).isPresent());
        assertThat(HANDLER_B.executions).doesNotContainKey(rejected.id());

        HANDLER_A.fails = context -> false;
        Thread.sleep(2_100); // the cooldown of 2 s passes: the next run is a half-open trial
        PluginRun trial = start(b, flaky, 100);
        try (RunExecutor executorB = b.newExecutor()) {
            await(() -> a.runs().get(flaky.owner(), trial.id()).status() == RunStatus.COMPLETED, Duration.ofSeconds(30),
                    executorB::poll);
        }
        assertThat(a.circuits().circuits(flaky.owner())).singleElement().satisfies(circuit -> {
            assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
            assertThat(circuit.rejections()).isEqualTo(1);
            assertThat(circuit.successes()).isEqualTo(1);
        });
    }
}
