package dev.plugboard.bootstrap.workflow;

import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A per-second schedule ticked by two instances on one PostgreSQL, each in its own thread, over a
 * 30-second window: every second of the window starts exactly one workflow run, however the
 * instances' ticks interleave.
 */
class ScheduleAcrossInstancesTest {

    private static final int WINDOW_SECONDS = 30;
    private static final Duration TICK_EVERY = Duration.ofMillis(150);

    private final Caller alice = Caller.user("alice", null);
    private final WorkflowActor aliceActs = WorkflowActor.of(alice);

    @Test
    void givenPerSecondSchedule_twoInstancesTicking_eachSecondStartsExactlyOneRun(@TempDir Path data) throws Exception {
        try (TwoInstances instances = new TwoInstances(data)) {
            Plugboard a = instances.instance(true, "instance-a", List.of(new TallyPlugin()), ExecutionSettings.defaults("unused"));
            Plugboard b = instances.instance(false, "instance-b", List.of(new TallyPlugin()), ExecutionSettings.defaults("unused"));
            a.installations().install(new InstallPluginCommand(alice, PluginName.of("tally"), Optional.empty(), Optional.empty()));
            Workflow workflow = a.workflows().manage().create(aliceActs, WorkflowsEmbeddedTest.workflow("every-second",
                    "\"triggerType\": \"SCHEDULE\", \"triggerConfig\": {\"cron\": \"* * * * * *\", \"timezone\": \"UTC\"}",
                    """
                    [{"order": 0, "plugin": "tally",
                      "inputMapping": {"run": "{{ ctx.runId }}", "order": 0, "ledger": "unused"}}]""")).workflow();

            // The window: the 30 whole seconds after the one the ticking starts in; its edges are far from any tick.
            Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Thread.sleep(Duration.between(Instant.now(), first).toMillis() + 50);
            Instant windowStart = first.plusSeconds(1);
            Instant windowEnd = windowStart.plusSeconds(WINDOW_SECONDS - 1);
            Instant stopAt = windowEnd.plusMillis(500); // both instances have ticked since the last second of the window
            Ticker tickerA = new Ticker(a, stopAt);
            Ticker tickerB = new Ticker(b, stopAt);
            tickerA.start();
            tickerB.start();
            tickerA.join();
            tickerB.join();
            a.workflows().manage().changeStatus(aliceActs, "every-second", WorkflowStatus.PAUSED, OptionalLong.empty());

            System.out.printf("fires started by instance a: %d, by instance b: %d%n", tickerA.fired.get(), tickerB.fired.get());
            assertThat(tickerA.errors).isEmpty();
            assertThat(tickerB.errors).isEmpty();
            List<Instant> fired = scheduledFor(a);
            List<Instant> expected = IntStream.range(0, WINDOW_SECONDS).mapToObj(windowStart::plusSeconds).toList();
            assertThat(fired.stream().filter(t -> !t.isBefore(windowStart) && !t.isAfter(windowEnd)).sorted())
                    .as("the fire times in the window: one run for each of its seconds, none missing, none doubled")
                    .containsExactlyElementsOf(expected);
            assertThat(fired).as("no second outside the window fired twice either").doesNotHaveDuplicates();
            assertThat(tickerA.fired.get() + tickerB.fired.get()).as("runs the instances say they started")
                    .isEqualTo(fired.size());
            Sql sql = instances.context(false).getBean(Sql.class);
            assertThat(sql.list("SELECT fire_time FROM workflow_fires WHERE workflow_id = ?::uuid",
                    row -> row.getObject(1, java.time.OffsetDateTime.class).toInstant(), workflow.id()))
                    .as("the trigger ledger: one row per fired second").containsExactlyInAnyOrderElementsOf(fired);

            // Paused: ticking on for more than a second starts nothing.
            Thread.sleep(1200);
            assertThat(a.workflows().scheduler().tick() + b.workflows().scheduler().tick()).isZero();
            assertThat(scheduledFor(b)).hasSameSizeAs(fired);
        }
    }

    /** The {@code scheduledFor} of every SCHEDULE run of the workflow, read through the use case. */
    private List<Instant> scheduledFor(Plugboard plugboard) {
        List<Instant> times = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<WorkflowRun> page = plugboard.workflows().runs().runs(aliceActs, "every-second", request);
            page.items().stream().filter(run -> run.triggerType() == TriggerType.SCHEDULE)
                    .forEach(run -> times.add(Instant.parse((String) run.triggerData().get("scheduledFor"))));
            if (page.next().isEmpty()) {
                return times;
            }
            request = request.next(page.next().get());
        }
    }

    /**
     * One instance's scheduler loop: ticks on the same wall-clock grid (every {@link #TICK_EVERY}) as
     * the other instance's, so that the two race for each new second rather than take turns.
     */
    private static final class Ticker extends Thread {
        final AtomicInteger fired = new AtomicInteger();
        final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        private final Plugboard plugboard;
        private final Instant stopAt;

        Ticker(Plugboard plugboard, Instant stopAt) {
            this.plugboard = plugboard;
            this.stopAt = stopAt;
        }

        @Override
        public void run() {
            long period = TICK_EVERY.toMillis();
            try {
                while (true) {
                    long now = System.currentTimeMillis();
                    long next = (now / period + 1) * period;
                    Thread.sleep(next - now);
                    if (!Instant.ofEpochMilli(next).isBefore(stopAt)) {
                        return;
                    }
                    fired.addAndGet(plugboard.workflows().scheduler().tick());
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        }
    }
}
