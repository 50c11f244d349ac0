package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcRunRepository;
import dev.plugboard.adapter.persistence.jdbc.RunAttemptRow;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the execution contracts leave open but PostgreSQL must still get right: row locks that are
 * skipped rather than waited for, the worker of each attempt, and what goes along when an
 * installation, owner or plugin is deleted.
 */
class ExecutionPersistenceTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final SettingsPolicy POLICY = new SettingsPolicy();
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.000001Z");
    private static final Owner ALICE = Owner.user("alice");
    private static final Owner ACME = Owner.organization("acme");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final Set<PluginName> PLUGINS = Set.of(WEBHOOK);

    private ExecutionStorage execution;
    private Storage storage;
    private Installation alices;

    @BeforeEach
    void setUp() {
        execution = DB.freshExecutionStorage();
        storage = execution.storage();
        storage.plugins().save(Plugin.register(TestPlugins.webhook(), POLICY, T0));
        storage.owners().ensureExists(ALICE, T0);
        storage.owners().ensureExists(ACME, T0);
        alices = storage.installations().add(Installation.install(UUID.randomUUID(), ALICE, WEBHOOK,
                POLICY.require(TestPlugins.webhook().settingsSpec(), TestPlugins.webhookSettings()), true, T0));
    }

    @Test
    void whileOneClaimerHoldsItsRuns_anotherTakesTheRestWithoutWaiting() throws Exception {
        List<RunId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oldestFirst.add(added(i % 2 == 0 ? ALICE : ACME, T0.plusSeconds(i)).id());
        }
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<RunId>> first = pool.submit(() -> storage.transactions().inTransaction(() -> {
                List<RunId> ids = ids(execution.queue().claim(PLUGINS, 3, lease("one"), T0.plusSeconds(10)));
                firstClaimed.countDown();
                await(secondDone);
                return ids;
            }));
            assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<RunId>> second = pool.submit(() -> storage.transactions().inTransaction(
                    () -> ids(execution.queue().claim(PLUGINS, 10, lease("two"), T0.plusSeconds(10)))));

            // The first transaction is still open: the second claim must not wait for its locks.
            List<RunId> bySecond = second.get(10, TimeUnit.SECONDS);
            secondDone.countDown();
            List<RunId> byFirst = first.get(30, TimeUnit.SECONDS);

            assertThat(byFirst).containsExactlyElementsOf(oldestFirst.subList(0, 3));
            assertThat(bySecond).containsExactlyElementsOf(oldestFirst.subList(3, 5));
        } finally {
            secondDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void whileOneReaperHoldsExpiredRuns_anotherSkipsThem() throws Exception {
        for (int i = 0; i < 4; i++) {
            added(ALICE, T0.plusSeconds(i));
        }
        execution.queue().claim(PLUGINS, 4, new Lease("dead", T0.plusSeconds(30)), T0.plusSeconds(5));
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<RunId>> first = pool.submit(() -> storage.transactions().inTransaction(() -> {
                List<RunId> ids = ids(execution.queue().expiredLeases(T0.plusSeconds(60), 3));
                firstLocked.countDown();
                await(secondDone);
                return ids;
            }));
            assertThat(firstLocked.await(30, TimeUnit.SECONDS)).isTrue();
            List<RunId> bySecond = pool.submit(() -> storage.transactions().inTransaction(
                    () -> ids(execution.queue().expiredLeases(T0.plusSeconds(60), 10)))).get(10, TimeUnit.SECONDS);
            secondDone.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).hasSize(3).doesNotContainAnyElementsOf(bySecond);
            assertThat(bySecond).hasSize(1);
        } finally {
            secondDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void claimOutsideATransaction_runsInItsOwn() {
        PluginRun run = added(ALICE, T0);

        List<PluginRun> claimed = execution.queue().claim(PLUGINS, 5, lease("solo"), T0.plusSeconds(1));

        assertThat(ids(claimed)).containsExactly(run.id());
        assertThat(execution.queue().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PROCESSING);
    }

    @Test
    void eachAttemptRecordsTheWorkerThatRanIt() {
        JdbcRunRepository runs = DB.bean(JdbcRunRepository.class);
        PluginRun run = added(ACME, T0);
        PluginRun held = execution.queue().claim(PLUGINS, 1, new Lease("executor-a", T0.plusSeconds(30)),
                T0.plusSeconds(1)).get(0);
        runs.update(held.retryLater(new RunError("LEASE_EXPIRED", "executor-a stopped renewing"), T0.plusSeconds(31)));
        PluginRun again = execution.queue().claim(PLUGINS, 1, new Lease("worker-b", T0.plusSeconds(90)),
                T0.plusSeconds(32)).get(0);
        runs.update(again.renewLease("worker-b", T0.plusSeconds(120), T0.plusSeconds(60)));
        PluginRun other = runs.update(added(ACME, T0).claim(new Lease("executor-c", T0.plusSeconds(30)), T0.plusSeconds(1)));

        assertThat(runs.attemptRows(ACME, run.id()))
                .extracting(RunAttemptRow::attempt, RunAttemptRow::status, RunAttemptRow::worker, RunAttemptRow::errorCode)
                .containsExactly(tuple(1, "failed", "executor-a", "LEASE_EXPIRED"),
                        tuple(2, "processing", "worker-b", null));
        assertThat(runs.attemptRows(ACME, other.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.worker()).isEqualTo("executor-c"));
        assertThat(strings("SELECT lease_holder || ' ' || (lease_expires_at AT TIME ZONE 'UTC')::text FROM plugin_runs WHERE id = '"
                + run.id() + "'")).singleElement().asString().startsWith("worker-b 2026-01-01 10:02:00");
    }

    @Test
    void uninstalling_removesTheInstallationsStore() {
        execution.store().put(alices.id(), "stats", JsonDocument.parse("{\"messages\": 3}"));
        execution.store().put(alices.id(), "users", JsonDocument.parse("{\"alice\": true}"));

        assertThat(storage.installations().remove(ALICE, WEBHOOK)).isTrue();

        assertThat(strings("SELECT key FROM installation_store")).isEmpty();
        assertThat(execution.store().all(alices.id())).isEmpty();
    }

    @Test
    void putForAnUnknownInstallation_isRefused() {
        assertThatThrownBy(() -> execution.store().put(UUID.randomUUID(), "k", JsonDocument.empty()))
                .hasMessageContaining("installation_store_installation_id_fkey");
    }

    @Test
    void circuitOfAnUnknownPlugin_isRefusedNamingThePlugin() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(
                () -> execution.circuits().lock(ALICE, PluginName.of("nope"), T0)))
                .isInstanceOf(PluginNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> execution.circuits().save(Circuit.closed(ALICE, PluginName.of("nope"), T0)))
                .isInstanceOf(PluginNotFoundException.class);
    }

    @Test
    void savingACircuitNeverLocked_createsIt_evenForAnOwnerNeverSeen() {
        Owner newcomer = Owner.user("newcomer");

        execution.circuits().save(Circuit.closed(newcomer, WEBHOOK, T0).forceOpen(T0, Duration.ofMinutes(5)));

        assertThat(execution.circuits().findByOwner(newcomer)).singleElement()
                .satisfies(circuit -> assertThat(circuit.openUntil()).contains(T0.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aLockedCircuit_makesTheNextLockerWaitForTheDecision() throws Exception {
        storage.transactions().inTransaction(() -> execution.circuits().lock(ALICE, WEBHOOK, T0));
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> storage.transactions().inTransaction(() -> {
                Circuit circuit = execution.circuits().lock(ALICE, WEBHOOK, T0);
                firstLocked.countDown();
                await(release);
                execution.circuits().save(circuit.forceOpen(T0.plusSeconds(1), Duration.ofSeconds(30)));
            }));
            assertThat(firstLocked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Circuit> second = pool.submit(() -> storage.transactions().inTransaction(
                    () -> execution.circuits().lock(ALICE, WEBHOOK, T0.plusSeconds(2))));

            Thread.sleep(300);
            assertThat(second).isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThat(second.get(30, TimeUnit.SECONDS).state().wireName()).isEqualTo("open");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void deletingAnOwner_removesItsCircuitsAndEventKeys_andDeletingAPluginItsCircuits() {
        storage.transactions().inTransaction(() -> execution.circuits().lock(ALICE, WEBHOOK, T0));
        storage.transactions().inTransaction(() -> execution.circuits().lock(ACME, WEBHOOK, T0));
        execution.events().firstSighting(ALICE, "evt-1", "message.received", T0);
        execution.events().firstSighting(ACME, "evt-1", "message.received", T0);

        DB.execute("DELETE FROM users WHERE id = 'alice'");

        assertThat(strings("SELECT coalesce(user_id, organization_id) FROM circuits")).containsExactly("acme");
        assertThat(strings("SELECT coalesce(user_id, organization_id) FROM event_log")).containsExactly("acme");
        assertThat(execution.events().firstSighting(ALICE, "evt-1", "message.received", T0)).isTrue();

        DB.execute("DELETE FROM plugins WHERE name = 'webhook'");

        assertThat(strings("SELECT id::text FROM circuits")).isEmpty();
    }

    private PluginRun added(Owner owner, Instant createdAt) {
        return storage.runs().add(PluginRun.create(RunId.of(UUID.randomUUID()), owner, WEBHOOK, RunTrigger.MANUAL,
                JsonDocument.parse("{\"n\": 1}"), Optional.empty(), createdAt));
    }

    private static Lease lease(String holder) {
        return new Lease(holder, T0.plusSeconds(600));
    }

    private static List<RunId> ids(List<PluginRun> runs) {
        return runs.stream().map(PluginRun::id).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String query) {
        try (Connection connection = DB.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }
}
