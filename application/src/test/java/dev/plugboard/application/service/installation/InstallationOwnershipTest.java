package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
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
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Installations belong to a user or an organization, and nobody else can see or change them. */
class InstallationOwnershipTest {

    private static final Caller BOB_FOR_ACME = Caller.member("bob", "acme", null);
    private static final Caller CAROL = Caller.user("carol", null);
    private static final Owner ACME = Owner.organization("acme");
    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private final InMemoryStores storage = new InMemoryStores();
    private final Plugboard plugboard = storage.wire(Plugboard.builder())
            .manifest(TestPlugins.registrableWebhook())
            .build();
    private InstallationView acmes;

    @BeforeEach
    void bobInstallsTheWebhookForAcme() {
        plugboard.syncCatalog();
        acmes = plugboard.installations().install(new InstallPluginCommand(BOB_FOR_ACME, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty()));
    }

    @Test
    void givenMemberActingForOrganization_install_belongsToTheOrganizationNotToTheMember() {
        assertThat(acmes.owner()).isEqualTo(ACME);
        assertThat(plugboard.installations().listInstallations(ACME)).containsExactly(acmes);
        assertThat(plugboard.installations().listInstallations(Owner.user("bob"))).isEmpty();
        assertThat(storage.owners.knows(ACME)).isTrue();
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.INSTALL, "installation:org:acme/webhook", AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(Actor.user("bob"));
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
    }

    @Test
    void givenOrganizationsInstallation_anotherUser_cannotSeeIt() {
        assertThat(plugboard.installations().listInstallations(Owner.user("carol"))).isEmpty();
        assertThatThrownBy(() -> plugboard.installations().getInstallation(Owner.user("carol"), "webhook"))
                .isInstanceOfSatisfying(InstallationNotFoundException.class, e -> {
                    assertThat(e.owner()).isEqualTo(Owner.user("carol"));
                    assertThat(e.plugin()).isEqualTo("webhook");
                });
    }

    @Test
    void givenOrganizationsInstallation_anotherUser_cannotUninstallConfigureOrToggleIt() {
        assertThatThrownBy(() -> plugboard.installations().uninstall(new UninstallPluginCommand(CAROL, WEBHOOK)))
                .isInstanceOfSatisfying(InstallationNotFoundException.class,
                        e -> assertThat(e.owner()).isEqualTo(Owner.user("carol")));
        assertThatThrownBy(() -> plugboard.installations().configure(new ConfigureInstallationCommand(CAROL, WEBHOOK,
                JsonDocument.parse("{\"url\": \"https://evil.example.test\"}"), OptionalLong.empty())))
                .isInstanceOf(InstallationNotFoundException.class);
        assertThatThrownBy(() -> plugboard.installations().toggle(new ToggleInstallationCommand(CAROL, WEBHOOK, false)))
                .isInstanceOf(InstallationNotFoundException.class);

        assertThat(plugboard.installations().getInstallation(ACME, "webhook")).isEqualTo(acmes);
    }

    @Test
    void givenOrganizationsInstallation_anotherOrganization_cannotReachIt() {
        Caller bobForGlobex = Caller.member("bob", "globex", null);

        assertThatThrownBy(() -> plugboard.installations().uninstall(new UninstallPluginCommand(bobForGlobex, WEBHOOK)))
                .isInstanceOfSatisfying(InstallationNotFoundException.class,
                        e -> assertThat(e.owner()).isEqualTo(Owner.organization("globex")));
        assertThat(plugboard.installations().listInstallations(ACME)).containsExactly(acmes);
    }

    @Test
    void givenOrganizationsInstallation_anotherMemberOfIt_canChangeIt() {
        Caller daveForAcme = Caller.member("dave", "acme", null);

        InstallationView toggled = plugboard.installations().toggle(new ToggleInstallationCommand(daveForAcme, WEBHOOK, false));

        assertThat(toggled.enabled()).isFalse();
        assertThat(AuditEntries.single(plugboard, AuditAction.DISABLE, "installation:org:acme/webhook", AuditEntry.Outcome.SUCCESS).actor())
                .isEqualTo(Actor.user("dave"));
    }

    @Test
    void givenOrganizationsInstallation_theUserCanStillInstallTheSamePluginForThemselves() {
        InstallationView bobs = plugboard.installations().install(new InstallPluginCommand(Caller.user("bob", null), WEBHOOK,
                Optional.of(JsonDocument.parse("{\"url\": \"https://bob.example.test\"}")), Optional.empty()));

        assertThat(bobs.owner()).isEqualTo(Owner.user("bob"));
        assertThat(bobs.id()).isNotEqualTo(acmes.id());
        assertThat(plugboard.installations().listInstallations(ACME)).containsExactly(acmes);
    }
}
