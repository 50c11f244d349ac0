package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.persistence.PostgresWorkflowStorage;
import dev.plugboard.adapter.persistence.jdbc.PgRunWakeups;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.ClaimLoop;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim loop on PostgreSQL: with the poll an hour away, queued runs are still claimed at once
 * (LISTEN/NOTIFY, and claiming again when slots free after full claims), by two instances that
 * never take the same run; a dropped listening connection leaves polling to do the work, and when
 * it is re-established the wake-ups resume.
 */
class ClaimLoopOnPostgresTest {

    private static final PluginName ECHO = PluginName.of("echo");
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Caller CALLER = Caller.user("claim-loop", "enterprise");

    @TempDir
    static Path data;
    private static TwoInstances instances;
    private final List<ClaimLoop> loops = new ArrayList<>();
    private final List<PgRunWakeups.Subscription> subscriptions = new ArrayList<>();

    @BeforeAll
    static void start() {
        instances = new TwoInstances(data);
        Plugboard setup = TwoInstances.plugboard(instances.context(true), settings("setup"), List.of(new EchoHandler()));
        setup.installations().install(new InstallPluginCommand(CALLER, ECHO, Optional.empty(), Optional.empty()));
    }

    @AfterEach
    void stopLoops() {
        loops.forEach(ClaimLoop::close);
        loops.clear();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static ExecutionSettings settings(String name) {
        return new ExecutionSettings(name, 4, Duration.ofSeconds(30), CircuitPolicy.DEFAULT, Duration.ofDays(7));
    }

    /** An instance on context {@code first}/second whose executor is woken by {@code wakeups}. */
    private static Plugboard instance(boolean first, String name, EchoHandler handler, PgRunWakeups wakeups) {
        ApplicationContext context = instances.context(first);
        Plugboard.Builder builder = context.getBean(PostgresWorkflowStorage.class)
                .applyTo(context.getBean(PostgresStorage.class).applyTo(Plugboard.builder()));
        if (wakeups != null) {
            builder.runWakeups(wakeups);
        }
        Plugboard plugboard = builder.handlers(new HandlerRegistry(List.of(handler))).executionSettings(settings(name)).build();
        plugboard.syncCatalog();
        return plugboard;
    }

    private ClaimLoop loop(Plugboard plugboard, Duration poll) {
        ClaimLoop loop = plugboard.newClaimLoop(poll).start();
        loops.add(loop);
        return loop;
    }

    private static List<PluginRun> queue(Plugboard plugboard, int count) {
        return IntStream.range(0, count).mapToObj(n -> plugboard.runs().start(new StartRunCommand(CALLER, ECHO,
                JsonDocument.of(Map.of("n", n)), RunTrigger.MANUAL, Optional.empty()))).toList();
    }

    private static void awaitCompleted(Plugboard plugboard, List<PluginRun> runs) {
        await(runs.size() + " runs to complete", () -> runs.stream()
                .allMatch(run -> plugboard.runs().get(run.owner(), run.id()).status() == RunStatus.COMPLETED));
    }

    private static PgRunWakeups wakeups(Duration reconnectDelay) {
        var environment = instances.context(true).getEnvironment();
        return new PgRunWakeups(environment.getRequiredProperty("datasources.default.url", String.class),
                environment.getProperty("datasources.default.username", String.class).orElse(""),
                environment.getProperty("datasources.default.password", String.class).orElse(""), reconnectDelay);
    }

    /** The backends listening for pending runs, by process id. */
    private static List<Integer> listeners() {
        return sql("SELECT pid FROM pg_stat_activity WHERE application_name = '" + PgRunWakeups.APPLICATION_NAME + "'");
    }

    private static List<Integer> sql(String query) {
        var environment = instances.context(true).getEnvironment();
        try (Connection connection = DriverManager.getConnection(
                environment.getRequiredProperty("datasources.default.url", String.class),
                environment.getProperty("datasources.default.username", String.class).orElse(""),
                environment.getProperty("datasources.default.password", String.class).orElse(""));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<Integer> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void givenTwoInstancesPollingHourly_whenAFullQueueArrives_thenNotifyAndReclaimingCompleteEveryRunExactlyOnce() {
        EchoHandler handlerA = new EchoHandler();
        EchoHandler handlerB = new EchoHandler();
        Plugboard a = instance(true, "loop-a", handlerA, null);
        Plugboard b = instance(false, "loop-b", handlerB, null);
        loop(a, HOURLY);
        loop(b, HOURLY);
        await("both instances to listen", () -> listeners().size() >= 2);

        List<PluginRun> runs = queue(a, 120);

        awaitCompleted(a, runs);
        assertThat(runs).allSatisfy(run -> {
            int executions = Optional.ofNullable(handlerA.executions.get(run.id())).map(n -> n.get()).orElse(0)
                    + Optional.ofNullable(handlerB.executions.get(run.id())).map(n -> n.get()).orElse(0);
            assertThat(executions).as("run %s executed once, by one instance", run.id()).isEqualTo(1);
            assertThat(a.runs().get(run.owner(), run.id()).attempt()).isEqualTo(1);
        });
    }

    @Test
    void givenTheListeningConnectionDropsAndStaysDown_whenRunsAreQueued_thenPollingCompletesThem() {
        Plugboard a = instance(true, "fallback", new EchoHandler(), wakeups(HOURLY));
        loop(a, Duration.ofMillis(200));
        await("the listener to connect", () -> listeners().size() == 1);

        sql("SELECT pg_terminate_backend(pid)::int FROM pg_stat_activity WHERE application_name = '"
                + PgRunWakeups.APPLICATION_NAME + "'");
        await("the listener to be gone", () -> listeners().isEmpty());
        List<PluginRun> runs = queue(a, 20);

        awaitCompleted(a, runs);
        assertThat(listeners()).as("nobody listened: the poll found them").isEmpty();
    }

    @Test
    void givenTheListeningConnectionDrops_whenItIsReestablished_thenQueuedRunsWakeTheExecutorAgain() {
        Plugboard a = instance(true, "reconnect", new EchoHandler(), wakeups(Duration.ofMillis(100)));
        loop(a, HOURLY);
        await("the listener to connect", () -> listeners().size() == 1);
        int first = listeners().get(0);

        sql("SELECT pg_terminate_backend(" + first + ")::int");
        await("a new listening connection", () -> listeners().size() == 1 && listeners().get(0) != first);
        List<PluginRun> runs = queue(a, 20);

        awaitCompleted(a, runs);
    }
}
