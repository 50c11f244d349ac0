package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.WorkflowStorage;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowScope;
import dev.plugboard.domain.workflow.WorkflowStatus;
import dev.plugboard.domain.workflow.WorkflowStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real database shows about the workflow adapters: row locks seen from another
 * connection, inserts racing on many connections, and the JSON types stored in jsonb.
 */
class WorkflowPersistenceTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Owner ALICE = Owner.user("alice");

    private WorkflowStorage storage;
    private Workflow workflow;

    @BeforeEach
    void fresh() {
        storage = DB.freshWorkflowStorage();
        WorkflowDefinition definition = new WorkflowDefinition("Triage", "triage", null, WorkflowScope.USER,
                Optional.empty(), TriggerType.SCHEDULE, JsonDocument.parse("{\"cron\": \"* * * * * ?\"}"),
                List.of(new WorkflowStep(0, Optional.empty(), PluginName.of("summarizer"), null, null, Optional.empty(),
                        null, 0)), Optional.empty());
        workflow = storage.workflows().add(Workflow.create(UUID.randomUUID().toString(), ALICE, definition,
                WorkflowStatus.ACTIVE, true, T0));
    }

    private WorkflowRun queued(Instant at) {
        return storage.runs().add(WorkflowRun.queue(UUID.randomUUID().toString(), workflow, "schedule",
                TriggerType.SCHEDULE, Map.of(), false, at));
    }

    @Test
    void givenRunLockedByAnotherTransaction_claimDue_skipsItAndTakesTheNextOne() throws Exception {
        WorkflowRun held = queued(T0);
        WorkflowRun free = queued(T0.plusSeconds(1));

        try (Connection other = DB.connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement();
                 ResultSet locked = statement.executeQuery("SELECT id FROM workflow_runs WHERE id = '" + held.id()
                         + "' FOR UPDATE")) {
                assertThat(locked.next()).isTrue();
                Optional<WorkflowRun> claimed = storage.storage().transactions()
                        .inTransaction(() -> storage.runs().claimDue(T0.plusSeconds(5)));
                assertThat(claimed).map(WorkflowRun::id).contains(free.id());
            }
            other.rollback();
        }
        assertThat(storage.runs().claimDue(T0.plusSeconds(5))).map(WorkflowRun::id).contains(held.id());
    }

    @Test
    void givenEveryDueRunLocked_claimDue_isEmptyWithoutWaiting() throws Exception {
        WorkflowRun held = queued(T0);

        try (Connection other = DB.connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("SELECT id FROM workflow_runs WHERE id = '" + held.id() + "' FOR UPDATE");
                assertThat(storage.storage().transactions().inTransaction(() -> storage.runs().claimDue(T0.plusSeconds(5))))
                        .isEmpty();
            }
            other.rollback();
        }
    }

    @Test
    void givenEightInstancesRacingOneTick_firstFire_isTrueForExactlyOne() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        Instant tick = T0.plusSeconds(60);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> racer = () -> {
                    start.await();
                    return storage.ledger().firstFire(workflow.id(), tick, Instant.now());
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM workflow_fires")).isEqualTo(1);
        assertThat(storage.ledger().lastFire(workflow.id())).contains(tick);
    }

    @Test
    void outputAndStepRuns_areStoredAsTheirJsonTypes() {
        WorkflowRun text = queued(T0);
        WorkflowRun number = queued(T0);
        WorkflowRun object = queued(T0);
        storage.runs().update(text.started(T0).completed("done", T0.plusSeconds(1)), null);
        storage.runs().update(number.started(T0).completed(7L, T0.plusSeconds(1)), null);
        storage.runs().update(object.started(T0).completed(Map.of("n", 1L), T0.plusSeconds(1)), null);

        assertThat(text("SELECT jsonb_typeof(output) FROM workflow_runs WHERE id = '" + text.id() + "'")).isEqualTo("string");
        assertThat(text("SELECT jsonb_typeof(output) FROM workflow_runs WHERE id = '" + number.id() + "'")).isEqualTo("number");
        assertThat(text("SELECT output ->> 'n' FROM workflow_runs WHERE id = '" + object.id() + "'")).isEqualTo("1");
        assertThat(text("SELECT step_runs -> 0 ->> 'status' FROM workflow_runs WHERE id = '" + object.id() + "'"))
                .isEqualTo("pending");
        assertThat(text("SELECT definition ->> 'slug' FROM workflow_runs WHERE id = '" + object.id() + "'"))
                .isEqualTo("triage");
        // A final run is never looked at again.
        assertThat(count("SELECT count(*) FROM workflow_runs WHERE next_check_at IS NOT NULL")).isZero();
    }

    @Test
    void recordExecution_fromManyThreads_losesNoCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                done.add(pool.submit(() -> storage.workflows().recordExecution(workflow.id(), T0, Optional.empty())));
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Workflow counted = storage.workflows().findById(workflow.id()).orElseThrow();

        assertThat(counted.executionCount()).isEqualTo(20);
        assertThat(counted.version()).isEqualTo(workflow.version());
    }

    private long count(String sql) {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) {
        try (Connection connection = DB.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
