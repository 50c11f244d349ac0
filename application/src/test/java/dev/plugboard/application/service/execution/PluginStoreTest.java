package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key-value store a handler gets in its context: scoped to one installation, kept between
 * runs, and written only when the attempt succeeds.
 */
class PluginStoreTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Caller BOB = Caller.user("bob", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final Owner BOB_OWNER = Owner.user("bob");
    private static final JsonDocument COUNT = JsonDocument.empty();
    private static final JsonDocument COUNT_THEN_FAIL = JsonDocument.parse("{\"fail\": true}");

    private final ExecutionRig rig = new ExecutionRig();
    private Plugboard plugboard;
    private RunExecutor executor;
    private InstallationView alices;
    private InstallationView bobs;

    /**
     * A counter: reads {@code count}, writes it plus one, notes the last run, and removes a
     * scratch key; with {@code fail} in the input it writes junk and then fails without retry.
     */
    private final ScriptedHandler counter = new ScriptedHandler(manifest("counter", FAST_RETRIES), (input, settings, context) -> {
        KeyValueStore store = context.store();
        long count = store.get("count").map(doc -> (Long) doc.get("value").orElseThrow()).orElse(0L);
        store.put("count", JsonDocument.of(Map.of("value", count + 1)));
        store.put("lastRun", JsonDocument.of(Map.of("id", context.runId().toString())));
        store.delete("scratch");
        if (input.has("fail")) {
            store.put("junk", JsonDocument.of(Map.of("value", true)));
            throw new PluginFailure("GAVE_UP", "failing after writing", false);
        }
        // Reads see the attempt's own writes at once.
        return JsonDocument.of(Map.of("count", store.get("count").orElseThrow().get("value").orElseThrow(),
                "keys", List.copyOf(store.all().keySet())));
    });

    @BeforeEach
    void aliceAndBobInstallTheCounter() {
        plugboard = rig.plugboard(settings("test-1", 4, CircuitPolicy.DEFAULT), List.of(counter));
        alices = install(plugboard, ALICE, "counter", JsonDocument.empty());
        bobs = install(plugboard, BOB, "counter", JsonDocument.empty());
        executor = rig.executor(plugboard);
    }

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    private PluginRun runFor(Caller caller, JsonDocument input) {
        return settle(plugboard, executor, start(plugboard, caller, "counter", input));
    }

    private static JsonDocument value(Object value) {
        return JsonDocument.of(Map.of("value", value));
    }

    @Test
    void writesOfASuccessfulRun_areSeenByTheNextRunOfTheSameInstallation() {
        rig.store.put(alices.id(), "scratch", value("temporary"));

        PluginRun first = runFor(ALICE, COUNT);
        PluginRun second = runFor(ALICE, COUNT);

        assertThat(first.output()).contains(JsonDocument.of(Map.of("count", 1, "keys", List.of("count", "lastRun"))));
        assertThat(second.output()).contains(JsonDocument.of(Map.of("count", 2, "keys", List.of("count", "lastRun"))));
        assertThat(rig.store.all(alices.id())).isEqualTo(Map.of(
                "count", value(2),
                "lastRun", JsonDocument.of(Map.of("id", second.id().toString()))));
    }

    @Test
    void anotherOwnersInstallation_hasItsOwnStore() {
        runFor(ALICE, COUNT);
        runFor(ALICE, COUNT);

        PluginRun bobsFirst = runFor(BOB, COUNT);

        assertThat(bobsFirst.output()).contains(JsonDocument.of(Map.of("count", 1, "keys", List.of("count", "lastRun"))));
        assertThat(rig.store.get(alices.id(), "count")).contains(value(2));
        assertThat(rig.store.get(bobs.id(), "count")).contains(value(1));
        assertThat(rig.store.get(bobs.id(), "lastRun")).contains(JsonDocument.of(Map.of("id", bobsFirst.id().toString())));
    }

    @Test
    void writesOfAFailedAttempt_areDiscarded() {
        runFor(ALICE, COUNT);
        rig.store.put(alices.id(), "scratch", value("kept"));
        Map<String, JsonDocument> before = rig.store.all(alices.id());

        PluginRun failed = runFor(ALICE, COUNT_THEN_FAIL);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(new RunError("GAVE_UP", "failing after writing"));
        assertThat(rig.store.all(alices.id())).as("neither the puts nor the delete of the failed attempt").isEqualTo(before);
        assertThat(rig.store.get(alices.id(), "junk")).isEmpty();
        assertThat(rig.store.get(alices.id(), "scratch")).contains(value("kept"));

        PluginRun next = runFor(ALICE, COUNT);
        assertThat(next.output()).contains(JsonDocument.of(Map.of("count", 2, "keys", List.of("count", "lastRun"))));
        assertThat(installation(plugboard, ALICE_OWNER, "counter").executionCount()).isEqualTo(3);
        assertThat(installation(plugboard, BOB_OWNER, "counter").executionCount()).isZero();
    }
}
