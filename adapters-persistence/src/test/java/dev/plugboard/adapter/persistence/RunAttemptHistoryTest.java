package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcRunRepository;
import dev.plugboard.adapter.persistence.jdbc.RunAttemptRow;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each attempt of a run keeps its own row: a retry never overwrites the history of the attempt before it. */
class RunAttemptHistoryTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Owner ACME = Owner.organization("acme");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.000001Z");

    private Storage storage;
    private JdbcRunRepository runs;

    @BeforeEach
    void setUp() {
        storage = DB.freshStorage();
        runs = DB.bean(JdbcRunRepository.class);
        storage.plugins().save(Plugin.register(TestPlugins.analytics(), new SettingsPolicy(), T0));
        storage.owners().ensureExists(ACME, T0);
    }

    @Test
    void givenRunRetriedThenCompleted_attempts_recordsEveryAttemptWithItsOutcome() {
        PluginRun run = runs.add(newRun());
        run = runs.update(run.claim(new Lease("executor-1", T0.plusSeconds(1).plusSeconds(30)), T0.plusSeconds(1)));
        run = runs.update(run.retryLater(new RunError("UPSTREAM_DOWN", "503 from upstream"), T0.plusSeconds(2)));
        run = runs.update(run.claim(new Lease("executor-1", T0.plusSeconds(3).plusSeconds(30)), T0.plusSeconds(3)));
        runs.update(run.complete(JsonDocument.parse("{\"ok\": true}"), T0.plusSeconds(4)));

        assertThat(runs.attemptRows(ACME, run.id()))
                .extracting(RunAttemptRow::attempt, RunAttemptRow::status, RunAttemptRow::startedAt,
                        RunAttemptRow::errorCode, RunAttemptRow::errorMessage)
                .containsExactly(
                        tuple(1, "failed", T0.plusSeconds(1), "UPSTREAM_DOWN", "503 from upstream"),
                        tuple(2, "completed", T0.plusSeconds(3), null, null));
        assertThat(runs.attemptRows(ACME, run.id())).allSatisfy(attempt -> assertThat(attempt.finishedAt()).isNotNull());
        assertThat(runs.attemptRows(ACME, run.id()).get(1).finishedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void givenProcessingRunCancelled_theOpenAttemptIsClosedAsCancelled() {
        PluginRun run = runs.update(runs.add(newRun()).claim(new Lease("executor-1", T0.plusSeconds(1).plusSeconds(30)), T0.plusSeconds(1)));
        assertThat(runs.attemptRows(ACME, run.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.finishedAt()).isNull());

        runs.update(run.cancel(T0.plusSeconds(2)));

        assertThat(runs.attemptRows(ACME, run.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo("cancelled");
            assertThat(attempt.finishedAt()).isEqualTo(T0.plusSeconds(2));
        });
    }

    @Test
    void givenRunRejectedBeforeRunning_hasNoAttempts_andAnotherOwnerSeesNone() {
        PluginRun run = runs.update(runs.add(newRun()).reject(new RunError("PLUGIN_CIRCUIT_OPEN", "retry after 30 s"),
                T0.plusSeconds(1)));
        PluginRun started = runs.update(runs.add(newRun()).claim(new Lease("executor-1", T0.plusSeconds(1).plusSeconds(30)), T0.plusSeconds(1)));

        assertThat(runs.attemptRows(ACME, run.id())).isEmpty();
        assertThat(runs.attemptRows(ACME, started.id())).hasSize(1);
        assertThat(runs.attemptRows(Owner.user("acme"), started.id())).isEmpty();
    }

    private static PluginRun newRun() {
        return PluginRun.create(RunId.of(UUID.randomUUID()), ACME, PluginName.of("analytics"), RunTrigger.EVENT,
                JsonDocument.parse("{\"message\": \"hi\"}"), Optional.empty(), T0);
    }
}
