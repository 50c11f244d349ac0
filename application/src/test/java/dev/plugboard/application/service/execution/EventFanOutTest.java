package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.EventReport;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event becomes one run per enabled installation of the owner whose enabled plugin subscribes to
 * it, once per idempotency key.
 */
class EventFanOutTest {

    private static final Caller ALICE = Caller.user("alice", "pro");
    private static final Caller BOB = Caller.user("bob", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final Owner BOB_OWNER = Owner.user("bob");
    private static final String RECEIVED = "message.received";
    private static final JsonDocument DATA = JsonDocument.parse("{\"from\": \"u1\", \"text\": \"hello\"}");
    private static final JsonDocument INPUT = JsonDocument.parse(
            "{\"type\": \"message.received\", \"data\": {\"from\": \"u1\", \"text\": \"hello\"}}");

    private final ExecutionRig rig = new ExecutionRig();
    private final ScriptedHandler notifier = new ScriptedHandler(subscriber("notifier", "event:message.received")
            .toBuilder().execution(FAST_RETRIES).build(),
            (input, settings, context) -> JsonDocument.of(Map.of("seen", input.asMap())));
    private Plugboard plugboard;

    private static PluginManifest subscriber(String name, String... capabilities) {
        return PluginManifest.builder(name, "1.0.0").capabilities(List.of(capabilities))
                .execution(dev.plugboard.domain.plugin.ExecutionPolicy.external()).build(); // queued for workers
    }

    /**
     * Alice has two subscribers (notifier, counter), a plugin subscribed to another event only, a
     * subscriber she switched off, and a subscriber an administrator switched off; Bob has the notifier.
     */
    @BeforeEach
    void installations() {
        plugboard = rig.plugboard(settings("test-1", 4, CircuitPolicy.DEFAULT), List.of(notifier),
                subscriber("counter", "event:message.received", "event:message.sent"),
                subscriber("outbox", "event:message.sent"),
                subscriber("muted", "event:message.received"),
                subscriber("banned", "event:message.received"),
                subscriber("plain"));
        for (String plugin : List.of("notifier", "counter", "outbox", "muted", "banned", "plain")) {
            install(plugboard, ALICE, plugin, JsonDocument.empty());
        }
        install(plugboard, BOB, "notifier", JsonDocument.empty());
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, PluginName.of("muted"), false));
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PluginName.of("banned"), false, false));
    }

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    private EventReport publish(Caller caller, String type, String key) {
        return plugboard.events().publish(new PublishEventCommand(caller, type, DATA, Optional.ofNullable(key)));
    }

    private List<PluginRun> runsOf(Owner owner) {
        return plugboard.runs().list(owner, RunFilter.ALL, PageRequest.first()).items();
    }

    private static List<String> plugins(List<PluginRun> runs) {
        return runs.stream().map(run -> run.plugin().value()).toList();
    }

    private static List<RunId> ids(List<PluginRun> runs) {
        return runs.stream().map(PluginRun::id).toList();
    }

    @Test
    void anEvent_startsOneRunPerEnabledSubscribingInstallation_withTheEventAsInput() {
        EventReport report = publish(ALICE, RECEIVED, "evt-1");

        assertThat(report.duplicate()).isFalse();
        assertThat(report.skipped()).isEmpty();
        assertThat(plugins(report.runs())).containsExactlyInAnyOrder("notifier", "counter");
        assertThat(report.runs()).allSatisfy(run -> {
            assertThat(run.owner()).isEqualTo(ALICE_OWNER);
            assertThat(run.trigger()).isEqualTo(RunTrigger.EVENT);
            assertThat(run.status()).isEqualTo(RunStatus.PENDING);
            assertThat(run.input()).isEqualTo(INPUT);
            assertThat(run.idempotencyKey()).isPresent();
        });
        assertThat(ids(runsOf(ALICE_OWNER))).containsExactlyInAnyOrderElementsOf(ids(report.runs()));
        assertThat(runsOf(BOB_OWNER)).as("another owner's installations are untouched").isEmpty();
    }

    @Test
    void theSameIdempotencyKey_createsNothingTheSecondTime_andAnswersWithTheFirstRuns() {
        EventReport first = publish(ALICE, RECEIVED, "evt-1");

        EventReport again = publish(ALICE, RECEIVED, "evt-1");

        assertThat(again.duplicate()).isTrue();
        assertThat(ids(again.runs())).containsExactlyInAnyOrderElementsOf(ids(first.runs()));
        assertThat(runsOf(ALICE_OWNER)).hasSize(2);

        EventReport other = publish(ALICE, RECEIVED, "evt-2");

        assertThat(other.duplicate()).isFalse();
        assertThat(plugins(other.runs())).containsExactlyInAnyOrder("notifier", "counter");
        assertThat(ids(other.runs())).doesNotContainAnyElementsOf(ids(first.runs()));
        assertThat(runsOf(ALICE_OWNER)).hasSize(4);
        assertThat(runsOf(BOB_OWNER)).isEmpty();
    }

    @Test
    void givenASubscriberSwitchedOffSinceTheFirstDelivery_theSameKeyAgain_answersWithEveryFirstRun() {
        EventReport first = publish(ALICE, RECEIVED, "evt-1");
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, PluginName.of("counter"), false));

        EventReport again = publish(ALICE, RECEIVED, "evt-1");

        assertThat(again.duplicate()).isTrue();
        assertThat(ids(again.runs())).containsExactlyInAnyOrderElementsOf(ids(first.runs()));
        assertThat(runsOf(ALICE_OWNER)).hasSize(2);
    }

    @Test
    void idempotencyKeysArePerOwner() {
        publish(ALICE, RECEIVED, "evt-1");

        EventReport bobs = publish(BOB, RECEIVED, "evt-1");

        assertThat(bobs.duplicate()).isFalse();
        assertThat(plugins(bobs.runs())).containsExactly("notifier");
        assertThat(bobs.runs().get(0).owner()).isEqualTo(BOB_OWNER);
        assertThat(runsOf(ALICE_OWNER)).hasSize(2);
    }

    @Test
    void withoutAKey_everyPublicationStartsNewRuns() {
        publish(ALICE, RECEIVED, null);
        publish(ALICE, RECEIVED, null);

        assertThat(plugins(runsOf(ALICE_OWNER))).containsExactlyInAnyOrder("notifier", "counter", "notifier", "counter");
    }

    @Test
    void anotherEventType_reachesItsOwnSubscribers() {
        EventReport sent = publish(ALICE, "message.sent", "evt-9");

        assertThat(plugins(sent.runs())).containsExactlyInAnyOrder("counter", "outbox");
        assertThat(sent.runs()).allSatisfy(run -> assertThat(run.input().get("type")).contains("message.sent"));
        assertThat(publish(ALICE, "user.joined", "evt-10").runs()).isEmpty();
    }

    @Test
    void eventRunsExecuteLikeAnyOther_andTheHandlerSeesTheEvent() {
        EventReport report = publish(ALICE, RECEIVED, "evt-1");
        PluginRun notifierRun = report.runs().stream().filter(run -> run.plugin().value().equals("notifier")).findFirst().orElseThrow();

        PluginRun done = settle(plugboard, rig.executor(plugboard), notifierRun);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output()).contains(JsonDocument.of(Map.of("seen", INPUT.asMap())));
        assertThat(done.trigger()).isEqualTo(RunTrigger.EVENT);
    }

    @Test
    void malformedEvents_areRefused() {
        assertThatThrownBy(() -> new PublishEventCommand(ALICE, "Message Received", DATA, Optional.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("event type"));
        assertThatThrownBy(() -> publish(ALICE, RECEIVED, "k".repeat(121)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(runsOf(ALICE_OWNER)).isEmpty();
    }
}
