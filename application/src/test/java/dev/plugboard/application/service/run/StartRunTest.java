package dev.plugboard.application.service.run;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.installation.InstallationDisabledException;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginDisabledException;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Queueing a run: what is recorded, every reason it is refused with nothing queued, and idempotency. */
class StartRunTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final PluginName SUMMARIZER = PluginName.of("summarizer");
    private static final JsonDocument TEXT = JsonDocument.parse("{\"text\": \"a short text\"}");

    private final TestClock clock = new TestClock();
    private final Plugboard plugboard = Plugboard.builder()
            .clock(clock)
            .manifest(TestPlugins.queued(TestPlugins.registrableWebhook()))
            .manifest(TestPlugins.queued(TestPlugins.summarizer()))
            .build();

    @BeforeEach
    void aliceHasTheWebhookAndTheSummarizer() {
        plugboard.syncCatalog();
        install(ALICE, WEBHOOK, JsonDocument.parse("{\"url\": \"http://legacy.example.test/hook\"}"));
        install(ALICE, SUMMARIZER, JsonDocument.empty());
    }

    private void install(Caller caller, PluginName plugin, JsonDocument settings) {
        plugboard.installations().install(new InstallPluginCommand(caller, plugin, Optional.of(settings), Optional.empty()));
    }

    private PluginRun start(Caller caller, PluginName plugin, JsonDocument input, String idempotencyKey) {
        return plugboard.runs().start(new StartRunCommand(caller, plugin, input, RunTrigger.MANUAL,
                Optional.ofNullable(idempotencyKey)));
    }

    private List<PluginRun> runsOf(Owner owner) {
        return plugboard.runs().list(owner, RunFilter.ALL, PageRequest.first()).items();
    }

    private void assertRefusalAudited(PluginName plugin, String code) {
        assertThat(AuditEntries.of(plugboard, AuditAction.RUN_STARTED, "installation:user:alice/" + plugin))
                .isNotEmpty()
                .allSatisfy(refused -> {
                    assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
                    assertThat(refused.detail()).startsWith(code + ": ");
                });
    }

    @Test
    void givenActiveInstallation_start_queuesAPendingRunThatHasNotBeenAttempted() {
        PluginRun run = plugboard.runs().start(new StartRunCommand(ALICE, SUMMARIZER, TEXT, RunTrigger.EVENT, Optional.empty()));

        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
        assertThat(run.attempt()).isZero();
        assertThat(run.owner()).isEqualTo(ALICE_OWNER);
        assertThat(run.plugin()).isEqualTo(SUMMARIZER);
        assertThat(run.trigger()).isEqualTo(RunTrigger.EVENT);
        assertThat(run.input()).isEqualTo(TEXT);
        assertThat(run.createdAt()).isEqualTo(TestClock.START);
        assertThat(run.startedAt()).isEmpty();
        assertThat(run.completedAt()).isEmpty();
        assertThat(run.output()).isEmpty();
        assertThat(run.error()).isEmpty();
        assertThat(run.idempotencyKey()).isEmpty();
        assertThat(plugboard.runs().get(ALICE_OWNER, run.id())).isEqualTo(run);
        assertThat(runsOf(ALICE_OWNER)).containsExactly(run);

        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.RUN_STARTED, "run:" + run.id(), AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(Actor.user("alice"));
        assertThat(entry.detail()).isEqualTo("summarizer (event)");
        assertThat(entry.after()).contains(JsonDocument.parse("{\"status\": \"pending\", \"plugin\": \"summarizer\", \"attempt\": 0}"));
    }

    @Test
    void givenPluginDisabledByAnAdministrator_start_isRefusedAndNothingIsQueued() {
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), WEBHOOK, false, false));

        assertThatThrownBy(() -> start(ALICE, WEBHOOK, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(PluginDisabledException.class, e -> assertThat(e.plugin()).isEqualTo("webhook"));

        assertThat(runsOf(ALICE_OWNER)).isEmpty();
        assertRefusalAudited(WEBHOOK, "plugin_disabled");
    }

    @Test
    void givenInstallationSwitchedOff_start_isRefusedAndNothingIsQueued() {
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, WEBHOOK, false));

        assertThatThrownBy(() -> start(ALICE, WEBHOOK, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(InstallationDisabledException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE_OWNER);
                    assertThat(e.plugin()).isEqualTo("webhook");
                    assertThat(e.code()).isEqualTo("installation_disabled");
                });

        assertThat(runsOf(ALICE_OWNER)).isEmpty();
        assertRefusalAudited(WEBHOOK, "installation_disabled");
    }

    @Test
    void givenPluginNotInstalled_start_isRefusedAndNothingIsQueued() {
        Caller bob = Caller.user("bob", null);

        assertThatThrownBy(() -> start(bob, WEBHOOK, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(InstallationNotFoundException.class, e -> {
                    assertThat(e.owner()).isEqualTo(Owner.user("bob"));
                    assertThat(e.plugin()).isEqualTo("webhook");
                });

        assertThat(runsOf(Owner.user("bob"))).isEmpty();
    }

    @Test
    void givenUnknownPlugin_start_throwsPluginNotFoundAndNothingIsQueued() {
        assertThatThrownBy(() -> start(ALICE, PluginName.of("nope"), JsonDocument.empty(), null))
                .isInstanceOfSatisfying(PluginNotFoundException.class, e -> assertThat(e.plugin()).isEqualTo("nope"));

        assertThat(runsOf(ALICE_OWNER)).isEmpty();
    }

    @Test
    void givenStoredSettingsTheNewSchemaRejects_start_isRefusedAsSettingsInvalidWithTheViolationsAndNothingIsQueued() {
        PluginManifest httpsOnly = TestPlugins.registrableWebhook().toBuilder()
                .version("2.0.0")
                .settingsSchema(JsonDocument.parse("""
                        {
                          "type": "object",
                          "required": ["url"],
                          "properties": {
                            "url": {"type": "string", "pattern": "^https://"},
                            "method": {"type": "string", "enum": ["POST", "PUT"], "default": "POST"},
                            "token": {"type": "string", "writeOnly": true}
                          },
                          "additionalProperties": false
                        }"""))
                .build();
        plugboard.catalog().register(new RegisterPluginCommand(Actor.operator("ops"), httpsOnly));

        assertThatThrownBy(() -> start(ALICE, WEBHOOK, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("webhook");
                    assertThat(e.violations()).extracting(Violation::pointer, Violation::keyword)
                            .containsExactly(tuple("/url", "pattern"));
                    assertThat(e.code()).isEqualTo("SETTINGS_INVALID");
                    assertThat(e.getMessage()).contains("no longer satisfy its settings schema", "/url: ");
                });

        assertThat(runsOf(ALICE_OWNER)).isEmpty();
        assertRefusalAudited(WEBHOOK, "SETTINGS_INVALID");
    }

    @Test
    void givenNewVersionRequiringAFieldTheStoredSettingsLack_start_isRefusedNamingTheField() {
        PluginManifest needsSecretHeader = TestPlugins.registrableWebhook().toBuilder()
                .version("2.0.0")
                .settingsSchema(JsonDocument.parse("""
                        {"type": "object", "required": ["url", "header"],
                         "properties": {"url": {"type": "string"}, "header": {"type": "string"}}}"""))
                .build();
        plugboard.catalog().register(new RegisterPluginCommand(Actor.operator("ops"), needsSecretHeader));

        assertThatThrownBy(() -> start(ALICE, WEBHOOK, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::keyword)
                        .containsExactly(tuple("/header", "required")));
        assertThat(runsOf(ALICE_OWNER)).isEmpty();
    }

    @Test
    void givenInputBreakingThePluginsInputSchema_start_isRefusedNamingTheInputAndNothingIsQueued() {
        JsonDocument tooLong = JsonDocument.parse("{\"text\": \"" + "x".repeat(101) + "\"}");

        assertThatThrownBy(() -> start(ALICE, SUMMARIZER, tooLong, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("input");
                    assertThat(e.rule()).startsWith("input validation failed: /text: ");
                });
        assertThatThrownBy(() -> start(ALICE, SUMMARIZER, JsonDocument.empty(), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule())
                        .startsWith("input validation failed: /text: "));

        assertThat(runsOf(ALICE_OWNER)).isEmpty();
        assertRefusalAudited(SUMMARIZER, "invalid_value");
    }

    @Test
    void givenSameIdempotencyKey_startTwice_returnsTheSameRunAndStoresOne() {
        PluginRun first = start(ALICE, SUMMARIZER, TEXT, "order-42");
        clock.advanceSeconds(5);

        PluginRun second = start(ALICE, SUMMARIZER, TEXT, "order-42");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(TestClock.START);
        assertThat(second.idempotencyKey()).contains("order-42");
        assertThat(runsOf(ALICE_OWNER)).containsExactly(first);
    }

    @Test
    void givenIdempotencyKeyUsedForAnotherPlugin_start_isRefusedNamingTheKey() {
        PluginRun first = start(ALICE, SUMMARIZER, TEXT, "order-42");

        assertThatThrownBy(() -> start(ALICE, WEBHOOK, JsonDocument.empty(), "order-42"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("idempotency key");
                    assertThat(e.value()).isEqualTo("order-42");
                    assertThat(e.rule()).contains("summarizer");
                });

        assertThat(runsOf(ALICE_OWNER)).containsExactly(first);
    }

    @Test
    void givenSameIdempotencyKeyFromAnotherOwner_start_queuesASeparateRun() {
        Caller bob = Caller.user("bob", null);
        install(bob, SUMMARIZER, JsonDocument.empty());
        PluginRun alices = start(ALICE, SUMMARIZER, TEXT, "order-42");

        PluginRun bobs = start(bob, SUMMARIZER, TEXT, "order-42");

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(bobs.owner()).isEqualTo(Owner.user("bob"));
        assertThat(runsOf(ALICE_OWNER)).containsExactly(alices);
        assertThat(runsOf(Owner.user("bob"))).containsExactly(bobs);
    }
}
