package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An owner switches an installation off and on, and removes it. */
class ToggleAndUninstallTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final String TARGET = "installation:user:alice/webhook";

    private final TestClock clock = new TestClock();
    private final Plugboard plugboard = Plugboard.builder().clock(clock).manifest(TestPlugins.registrableWebhook()).build();

    @BeforeEach
    void aliceHasTheWebhook() {
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty()));
    }

    private InstallationView toggle(boolean enabled) {
        return plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, WEBHOOK, enabled));
    }

    @Test
    void givenEnabledInstallation_toggleOff_switchesItOffAndAuditsADisable() {
        clock.advanceSeconds(10);

        InstallationView view = toggle(false);

        assertThat(view.enabled()).isFalse();
        assertThat(view.active()).isFalse();
        assertThat(view.version()).isEqualTo(1);
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook").enabled()).isFalse();
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.DISABLE, TARGET, AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(Actor.user("alice"));
        assertThat(entry.before().orElseThrow().at("/enabled")).contains(true);
        assertThat(entry.after().orElseThrow().at("/enabled")).contains(false);
    }

    @Test
    void givenDisabledInstallation_toggleOn_switchesItBackOnAndAuditsAnEnable() {
        toggle(false);

        InstallationView view = toggle(true);

        assertThat(view.enabled()).isTrue();
        assertThat(view.active()).isTrue();
        assertThat(view.version()).isEqualTo(2);
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.ENABLE, TARGET, AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.after().orElseThrow().at("/enabled")).contains(true);
    }

    @Test
    void givenInstallationAlreadyOn_toggleOn_changesNothing() {
        InstallationView view = toggle(true);

        assertThat(view.version()).isZero();
        assertThat(AuditEntries.of(plugboard, AuditAction.ENABLE, TARGET))
                .noneMatch(entry -> entry.outcome() == AuditEntry.Outcome.SUCCESS);
    }

    @Test
    void givenPluginDisabledByAnAdministrator_theInstallation_isShownInactiveThoughSwitchedOn() {
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), WEBHOOK, false, false));

        InstallationView view = plugboard.installations().getInstallation(ALICE_OWNER, "webhook");

        assertThat(view.enabled()).isTrue();
        assertThat(view.pluginEnabled()).isFalse();
        assertThat(view.active()).isFalse();
    }

    @Test
    void givenInstallation_uninstall_removesItAndAuditsTheStateItHad() {
        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, WEBHOOK));

        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).isEmpty();
        assertThatThrownBy(() -> plugboard.installations().getInstallation(ALICE_OWNER, "webhook"))
                .isInstanceOf(InstallationNotFoundException.class);
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.UNINSTALL, TARGET, AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.before().orElseThrow().at("/settings/url")).contains("https://example.test/hook");
        assertThat(entry.after()).isEmpty();
    }

    @Test
    void givenUninstalledPlugin_installAgain_startsAFreshInstallation() {
        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, WEBHOOK));

        InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(JsonDocument.parse("{\"url\": \"https://example.test/again\"}")), Optional.empty()));

        assertThat(view.version()).isZero();
        assertThat(view.secretsSet()).isEmpty();
        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).containsExactly(view);
    }

    @Test
    void givenPluginNotInstalled_uninstallOrToggle_throwsInstallationNotFoundAndIsAuditedAsRefused() {
        Caller bob = Caller.user("bob", null);

        assertThatThrownBy(() -> plugboard.installations().uninstall(new UninstallPluginCommand(bob, WEBHOOK)))
                .isInstanceOfSatisfying(InstallationNotFoundException.class, e -> {
                    assertThat(e.owner()).isEqualTo(Owner.user("bob"));
                    assertThat(e.plugin()).isEqualTo("webhook");
                    assertThat(e.code()).isEqualTo("installation_not_found");
                });
        assertThatThrownBy(() -> plugboard.installations().toggle(new ToggleInstallationCommand(bob, WEBHOOK, false)))
                .isInstanceOf(InstallationNotFoundException.class);

        AuditEntry refused = AuditEntries.single(plugboard, AuditAction.UNINSTALL, "installation:user:bob/webhook", AuditEntry.Outcome.FAILURE);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
        assertThat(refused.detail()).startsWith("installation_not_found: ");
        assertThat(plugboard.installations().listInstallations(ALICE_OWNER)).hasSize(1);
    }
}
