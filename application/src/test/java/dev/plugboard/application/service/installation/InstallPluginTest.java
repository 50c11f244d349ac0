package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.installation.PlanLimitExceededException;
import dev.plugboard.domain.installation.PlanLimits;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginDisabledException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** An owner installs a plugin: defaults, validation, the global switch and the plan's limit. */
class InstallPluginTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");

    private final TestClock clock = new TestClock();
    private final InMemoryStores storage = new InMemoryStores();
    private Plugboard plugboard = plugboardWith(PlanLimits.DEFAULT);

    private Plugboard plugboardWith(PlanLimits limits) {
        Plugboard built = storage.wire(Plugboard.builder())
                .clock(clock)
                .planLimits(limits)
                .manifest(TestPlugins.registrableWebhook())
                .manifest(TestPlugins.analytics())
                .manifest(TestPlugins.chat())
                .build();
        built.syncCatalog();
        return built;
    }

    private InstallationView install(Caller caller, String plugin, JsonDocument settings) {
        return plugboard.installations().install(new InstallPluginCommand(caller, PluginName.of(plugin),
                Optional.ofNullable(settings), Optional.empty()));
    }

    private void assertNothingInstalledFor(Owner owner) {
        assertThat(plugboard.installations().listInstallations(owner)).isEmpty();
        assertThat(storage.installations.countByOwner(owner)).isZero();
        assertThat(storage.owners.knows(owner)).isFalse();
    }

    @Test
    void givenNoSettings_install_storesThePluginsDefaultSettingsAndAuditsIt() {
        InstallationView view = install(ALICE, "analytics", null);

        assertThat(view.owner()).isEqualTo(ALICE_OWNER);
        assertThat(view.plugin()).isEqualTo(PluginName.of("analytics"));
        assertThat(view.settings()).isEqualTo(JsonDocument.parse("{\"trackUsers\": true}"));
        assertThat(view.secretsSet()).isEmpty();
        assertThat(view.enabled()).isTrue();
        assertThat(view.pluginEnabled()).isTrue();
        assertThat(view.active()).isTrue();
        assertThat(view.version()).isZero();
        assertThat(view.executionCount()).isZero();
        assertThat(view.createdAt()).isEqualTo(TestClock.START);
        assertThat(view.updatedAt()).isEqualTo(TestClock.START);
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "analytics")).isEqualTo(view);
        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).containsExactly(view);
        assertThat(storage.owners.knows(ALICE_OWNER)).isTrue();

        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.INSTALL, "installation:user:alice/analytics", AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(Actor.user("alice"));
        assertThat(entry.before()).isEmpty();
        assertThat(entry.after()).contains(JsonDocument.parse("{\"enabled\": true, \"settings\": {\"trackUsers\": true}}"));
    }

    @Test
    void givenSettingsWithoutMethod_install_appliesTheSchemaDefaultPost() {
        InstallationView view = install(ALICE, "webhook", JsonDocument.parse("{\"url\": \"https://example.test/hook\"}"));

        assertThat(view.settings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/hook\", \"method\": \"POST\"}"));
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook").settings().at("/method"))
                .contains("POST");
    }

    @Test
    void givenSettings_install_storesThemAsGiven() {
        InstallationView view = install(ALICE, "webhook",
                JsonDocument.parse("{\"url\": \"https://example.test/hook\", \"method\": \"PUT\", \"retries\": 2}"));

        assertThat(view.settings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/hook\", \"method\": \"PUT\", \"retries\": 2}"));
    }

    @Test
    void givenEnabledFalse_install_storesTheInstallationSwitchedOff() {
        InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE,
                PluginName.of("analytics"), Optional.empty(), Optional.of(false)));

        assertThat(view.enabled()).isFalse();
        assertThat(view.active()).isFalse();
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "analytics").enabled()).isFalse();
    }

    @Test
    void givenUnknownPlugin_install_throwsPluginNotFoundAndStoresNothing() {
        assertThatThrownBy(() -> install(ALICE, "nope", null))
                .isInstanceOfSatisfying(PluginNotFoundException.class, e -> assertThat(e.plugin()).isEqualTo("nope"));

        assertNothingInstalledFor(ALICE_OWNER);
        assertThat(AuditEntries.single(plugboard, AuditAction.INSTALL, "installation:user:alice/nope", AuditEntry.Outcome.FAILURE).detail())
                .startsWith("plugin_not_found: plugin 'nope' is not in the catalog");
    }

    @Test
    void givenDisabledPlugin_install_isRefusedAndNothingIsStored() {
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PluginName.of("analytics"), false, false));

        assertThatThrownBy(() -> install(ALICE, "analytics", null))
                .isInstanceOfSatisfying(PluginDisabledException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("analytics");
                    assertThat(e.code()).isEqualTo("plugin_disabled");
                });

        assertNothingInstalledFor(ALICE_OWNER);
    }

    @Test
    void givenInstalledPlugin_installAgain_isRefusedAndKeepsTheFirstInstallation() {
        InstallationView first = install(ALICE, "webhook", JsonDocument.parse("{\"url\": \"https://one.example.test\"}"));

        assertThatThrownBy(() -> install(ALICE, "webhook", JsonDocument.parse("{\"url\": \"https://two.example.test\"}")))
                .isInstanceOfSatisfying(PluginAlreadyInstalledException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE_OWNER);
                    assertThat(e.plugin()).isEqualTo("webhook");
                });

        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).containsExactly(first);
    }

    @Test
    void givenPlanAllowingOne_secondInstall_isRefusedWithPlanLimitAndCurrentCount() {
        plugboard = plugboardWith(new PlanLimits(Map.of("free", 1, "pro", 2), "free"));
        Caller freeAlice = Caller.user("alice", "free");
        install(freeAlice, "analytics", null);

        assertThatThrownBy(() -> install(freeAlice, "chat", null))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE_OWNER);
                    assertThat(e.plan()).isEqualTo("free");
                    assertThat(e.limit()).isEqualTo(1);
                    assertThat(e.current()).isEqualTo(1);
                    assertThat(e.code()).isEqualTo("plan_limit_exceeded");
                });

        assertThat(plugboard.installations().listInstallations(ALICE_OWNER))
                .extracting(view -> view.plugin().value()).containsExactly("analytics");
    }

    @Test
    void givenUnknownPlan_install_fallsBackToTheDefaultPlansLimit() {
        plugboard = plugboardWith(new PlanLimits(Map.of("free", 1, "pro", 2), "free"));
        Caller goldAlice = Caller.user("alice", "gold");
        install(goldAlice, "analytics", null);

        assertThatThrownBy(() -> install(goldAlice, "chat", null))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
                    assertThat(e.plan()).isEqualTo("free");
                    assertThat(e.limit()).isEqualTo(1);
                });
    }

    @Test
    void givenLargerPlan_install_allowsUpToItsLimit() {
        plugboard = plugboardWith(new PlanLimits(Map.of("free", 1, "pro", 2), "free"));
        Caller proAlice = Caller.user("alice", "pro");
        install(proAlice, "analytics", null);
        install(proAlice, "chat", null);

        assertThatThrownBy(() -> install(proAlice, "webhook", null))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
                    assertThat(e.plan()).isEqualTo("pro");
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.current()).isEqualTo(2);
                });
        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).hasSize(2);
    }

    @Test
    void givenPlanLimitReachedByOneOwner_anotherOwner_canStillInstall() {
        plugboard = plugboardWith(new PlanLimits(Map.of("free", 1), "free"));
        install(ALICE, "analytics", null);

        InstallationView bobs = install(Caller.user("bob", null), "analytics", null);

        assertThat(bobs.owner()).isEqualTo(Owner.user("bob"));
    }

    @Test
    void givenSettingsBreakingTheSchema_install_reportsEveryViolationAndStoresNothing() {
        install(ALICE, "analytics", null);
        JsonDocument bad = JsonDocument.parse(
                "{\"url\": \"ftp://files.example.test\", \"method\": \"GET\", \"retries\": 9, \"extra\": true}");

        assertThatThrownBy(() -> install(ALICE, "webhook", bad))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("webhook");
                    assertThat(e.code()).isEqualTo("invalid_settings");
                    assertThat(e.violations())
                            .extracting(Violation::pointer, Violation::keyword)
                            .containsExactly(
                                    tuple("/extra", "additionalProperties"),
                                    tuple("/method", "enum"),
                                    tuple("/retries", "maximum"),
                                    tuple("/url", "pattern"));
                    assertThat(e.getMessage()).isEqualTo("settings validation failed: " + e.violations().stream()
                            .map(v -> v.pointer() + ": " + v.message()).collect(Collectors.joining("; ")));
                });

        assertThat(plugboard.installations().listInstallations(ALICE_OWNER))
                .extracting(view -> view.plugin().value()).containsExactly("analytics");
        assertThat(storage.installations.countByOwner(ALICE_OWNER)).isEqualTo(1);
        AuditEntry refused = AuditEntries.single(plugboard, AuditAction.INSTALL, "installation:user:alice/webhook", AuditEntry.Outcome.FAILURE);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
        assertThat(refused.detail()).startsWith("invalid_settings: settings validation failed: /extra: ");
    }

    @Test
    void givenFirstInstallWithInvalidSettings_install_leavesTheOwnerUnknown() {
        assertThatThrownBy(() -> install(ALICE, "chat", JsonDocument.parse("{\"channel\": \"#ops\"}")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::keyword)
                        .containsExactly(tuple("/apiKey", "dependentRequired")));

        assertNothingInstalledFor(ALICE_OWNER);
    }

    @Test
    void givenMissingRequiredUrl_install_reportsTheRequiredViolationAtItsPointer() {
        Plugboard strict = Plugboard.builder().manifest(TestPlugins.webhook()).build();
        strict.syncCatalog();

        assertThatThrownBy(() -> strict.installations().install(new InstallPluginCommand(ALICE,
                PluginName.of("webhook"), Optional.of(JsonDocument.parse("{\"method\": \"PUT\"}")), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::pointer, Violation::keyword)
                            .containsExactly(tuple("/url", "required"));
                    assertThat(e.getMessage()).startsWith("settings validation failed: /url: ");
                });
        assertThat(strict.installations().listInstallations(ALICE_OWNER)).isEmpty();
    }
}
