package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.application.service.execution.RetryScheduler;
import dev.plugboard.application.service.execution.RunOutcomes;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The executor's group commit writes the successes of one owner and plugin together
 * ({@link RunOutcomes#succeeded(List)}: one circuit write, one installation write, the runs and their
 * attempts as JDBC batches). On PostgreSQL, N successes written so must leave exactly what N single
 * successes leave: alice's runs are written as one batch, acme's one by one, and the two are compared.
 */
class BatchedSuccessesTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final int N = 7;
    private static final SettingsPolicy POLICY = new SettingsPolicy();
    private static final CircuitPolicy CIRCUITS = new CircuitPolicy(3, Duration.ofSeconds(30), 1);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.000001Z");
    private static final Instant DONE = T0.plusSeconds(20);
    private static final Owner ALICE = Owner.user("alice");
    private static final Owner ACME = Owner.organization("acme");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final JsonDocument OUTPUT = JsonDocument.parse("{\"ok\": true}");

    private ExecutionStorage execution;
    private Storage storage;
    private RunOutcomes outcomes;

    @BeforeEach
    void setUp() {
        execution = DB.freshExecutionStorage();
        storage = execution.storage();
        storage.plugins().save(Plugin.register(TestPlugins.webhook(), POLICY, T0));
        for (Owner owner : List.of(ALICE, ACME)) {
            storage.owners().ensureExists(owner, T0);
            storage.installations().add(Installation.install(UUID.randomUUID(), owner, WEBHOOK,
                    POLICY.require(TestPlugins.webhook().settingsSpec(), TestPlugins.webhookSettings()), true, T0));
        }
        outcomes = new RunOutcomes(storage.runs(), storage.installations(), execution.circuits(), CIRCUITS, () -> DONE,
                new RetryScheduler(storage.plugins(), () -> 0.5));
    }

    @Test
    void givenNRunsOfOneOwnerAndPlugin_whenTheirSuccessesAreWrittenAsOneBatch_thenTheyLeaveTheCountersOfNSingleSuccesses() {
        List<PluginRun> alices = claimed(ALICE, N);
        List<PluginRun> acmes = claimed(ACME, N);
        storage.transactions().inTransaction(() -> execution.circuits().lock(ALICE, WEBHOOK, T0));
        storage.transactions().inTransaction(() -> execution.circuits().lock(ACME, WEBHOOK, T0));

        List<PluginRun> batched = storage.transactions().inTransaction(() -> outcomes.succeeded(successes(alices)));
        for (PluginRun run : acmes) {
            storage.transactions().inTransaction(() -> outcomes.succeeded(run, OUTPUT));
        }

        assertThat(installationCounters(ALICE)).isEqualTo(installationCounters(ACME))
                .isEqualTo(List.of((long) N, (long) N, DONE.toString(), "none"));
        assertSameCircuit(circuit(ALICE), circuit(ACME));
        assertThat(circuit(ALICE).successes()).isEqualTo(N);
        assertThat(batched).extracting(PluginRun::version).containsOnly(2L);
        assertFinishedAsSingles(alices, acmes);
    }

    @Test
    void givenAFailureStreak_whenABatchOfSuccessesIsWritten_thenTheCircuitClosesAndCountsThemAsSingleSuccessesWould() {
        List<PluginRun> alices = claimed(ALICE, N + 1);
        List<PluginRun> acmes = claimed(ACME, N + 1);
        RunError boom = new RunError("BOOM", "the handler failed");
        storage.transactions().inTransaction(() -> outcomes.failed(alices.get(0), boom, false));
        storage.transactions().inTransaction(() -> outcomes.failed(acmes.get(0), boom, false));
        assertThat(circuit(ALICE).consecutiveFailures()).isEqualTo(1);

        storage.transactions().inTransaction(() -> outcomes.succeeded(successes(alices.subList(1, N + 1))));
        for (PluginRun run : acmes.subList(1, N + 1)) {
            storage.transactions().inTransaction(() -> outcomes.succeeded(run, OUTPUT));
        }

        assertThat(installationCounters(ALICE)).isEqualTo(installationCounters(ACME))
                .isEqualTo(List.of((long) N + 1, (long) N + 1, DONE.toString(), "none"));
        assertSameCircuit(circuit(ALICE), circuit(ACME));
        assertThat(circuit(ALICE).consecutiveFailures()).isZero();
        assertThat(circuit(ALICE).successes()).isEqualTo(N);
        assertThat(circuit(ALICE).failures()).isEqualTo(1);
        assertFinishedAsSingles(alices, acmes);
    }

    @Test
    void givenARunSomeoneElseWroteMeanwhile_whenItsBatchIsWritten_thenItConflictsAndTheRollbackLeavesEveryCounterAsItWas() {
        List<PluginRun> alices = claimed(ALICE, N);
        storage.transactions().inTransaction(() -> execution.circuits().lock(ALICE, WEBHOOK, T0));
        PluginRun cancelled = storage.transactions().inTransaction(
                () -> storage.runs().update(alices.get(3).cancel(T0.plusSeconds(5))));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> outcomes.succeeded(successes(alices))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessageContaining(alices.get(3).id().toString());

        assertThat(installationCounters(ALICE)).isEqualTo(List.of(0L, 0L, "never", "none"));
        assertThat(circuit(ALICE).successes()).isZero();
        for (PluginRun run : alices) {
            PluginRun stored = storage.runs().find(ALICE, run.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(run.id().equals(cancelled.id()) ? RunStatus.CANCELLED : RunStatus.PROCESSING);
        }
    }

    private List<PluginRun> claimed(Owner owner, int count) {
        for (int i = 0; i < count; i++) {
            storage.runs().add(PluginRun.create(RunId.of(UUID.randomUUID()), owner, WEBHOOK, RunTrigger.MANUAL,
                    JsonDocument.parse("{\"n\": " + i + "}"), Optional.empty(), T0.plusMillis(i)));
        }
        List<PluginRun> claimed = execution.queue().claim(Set.of(WEBHOOK), 2 * N + 2,
                new Lease("here", T0.plusSeconds(600)), T0.plusSeconds(1));
        assertThat(claimed).hasSize(count).allSatisfy(run -> assertThat(run.owner()).isEqualTo(owner));
        return claimed;
    }

    private static List<RunOutcomes.Success> successes(List<PluginRun> runs) {
        return runs.stream().map(run -> new RunOutcomes.Success(run, OUTPUT, Telemetry.NONE)).toList();
    }

    private Circuit circuit(Owner owner) {
        return execution.circuits().peek(owner, WEBHOOK).orElseThrow();
    }

    private static void assertSameCircuit(Circuit batched, Circuit singles) {
        assertThat(List.of(batched.state(), batched.consecutiveFailures(), batched.trialsInFlight(), batched.openUntil(),
                batched.successes(), batched.failures(), batched.rejections(), batched.lastFailureAt(), batched.updatedAt()))
                .isEqualTo(List.of(singles.state(), singles.consecutiveFailures(), singles.trialsInFlight(), singles.openUntil(),
                        singles.successes(), singles.failures(), singles.rejections(), singles.lastFailureAt(), singles.updatedAt()));
    }

    /** Each run completed with its output and version, and its attempt closed as completed, the same for both owners. */
    private void assertFinishedAsSingles(List<PluginRun> batched, List<PluginRun> singles) {
        assertThat(finished(batched)).isEqualTo(finished(singles));
    }

    private List<List<Object>> finished(List<PluginRun> runs) {
        List<List<Object>> rows = new ArrayList<>();
        for (PluginRun run : runs) {
            PluginRun stored = storage.runs().find(run.owner(), run.id()).orElseThrow();
            List<Object> row = new ArrayList<>(List.of(stored.status(), stored.version(), stored.output().map(JsonDocument::toJson).orElse("none"),
                    stored.completedAt().map(Instant::toString).orElse("none")));
            storage.runs().attempts(run.owner(), run.id()).forEach(attempt -> row.add(attempt.toString().replace(run.id().toString(), "ID")));
            rows.add(row);
        }
        return rows;
    }

    /** attempt_count, execution_count, last_executed_at, last_error of the owner's installation, as stored. */
    private static List<Object> installationCounters(Owner owner) {
        try (Connection connection = DB.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT attempt_count, execution_count, last_executed_at, last_error FROM installations "
                        + "WHERE coalesce(user_id, organization_id) = ?")) {
            query.setString(1, owner.id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                java.time.OffsetDateTime at = row.getObject("last_executed_at", java.time.OffsetDateTime.class);
                String error = row.getString("last_error");
                return List.of(row.getLong("attempt_count"), row.getLong("execution_count"),
                        at == null ? "never" : at.toInstant().toString(), error == null ? "none" : error);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
