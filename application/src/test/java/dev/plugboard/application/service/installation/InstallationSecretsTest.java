package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secret settings ({@code writeOnly}) are reported only as set: never in a view, never in the audit trail. */
class InstallationSecretsTest {

    private static final String SECRET = "s3cr3t";
    private static final Caller ALICE = Caller.user("alice", null);
    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private final Plugboard plugboard = Plugboard.builder().manifest(TestPlugins.registrableWebhook()).build();

    @Test
    void givenSecretToken_install_showsItOnlyAsSet() {
        plugboard.syncCatalog();

        InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty()));

        assertThat(view.settings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/hook\", \"token\": \"(set)\", \"method\": \"POST\"}"));
        assertThat(view.settings().at("/token")).contains(SettingsPolicy.REDACTED);
        assertThat(view.secretsSet()).containsExactly("/token");
        assertThat(view.toString()).doesNotContain(SECRET);
        InstallationView readBack = plugboard.installations().getInstallation(Owner.user("alice"), "webhook");
        assertThat(readBack.secretsSet()).containsExactly("/token");
        assertThat(readBack.toString()).doesNotContain(SECRET);
        assertThat(plugboard.installations().listInstallations(Owner.user("alice")).toString()).doesNotContain(SECRET);
    }

    @Test
    void givenNoSecretSent_install_reportsNoSecretSet() {
        plugboard.syncCatalog();

        InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(JsonDocument.parse("{\"url\": \"https://example.test/hook\"}")), Optional.empty()));

        assertThat(view.secretsSet()).isEmpty();
        assertThat(view.settings().has("token")).isFalse();
    }

    @Test
    void givenSetPlaceholderCopiedFromAView_install_doesNotStoreItAsTheSecret() {
        plugboard.syncCatalog();

        InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(JsonDocument.parse("{\"url\": \"https://example.test/hook\", \"token\": \"(set)\"}")),
                Optional.empty()));

        assertThat(view.secretsSet()).isEmpty();
        assertThat(view.settings().has("token")).isFalse();
    }

    @Test
    void givenEveryOperationOnAnInstallationWithASecret_noAuditEntryEverShowsTheSecret() {
        plugboard.syncCatalog();
        List<Object> shown = new ArrayList<>();
        shown.add(plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty())));
        shown.add(plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, WEBHOOK,
                JsonDocument.parse("{\"url\": \"https://example.test/other\", \"token\": \"" + SECRET + "\"}"), OptionalLong.empty())));
        assertThatThrownBy(() -> plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, WEBHOOK,
                JsonDocument.parse("{\"url\": \"bad\", \"token\": \"" + SECRET + "\"}"), OptionalLong.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThatThrownBy(() -> plugboard.installations().install(new InstallPluginCommand(ALICE, WEBHOOK,
                Optional.of(TestPlugins.webhookSettings()), Optional.empty())))
                .hasMessageNotContaining(SECRET);
        shown.add(plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, WEBHOOK, false)));
        shown.add(plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, WEBHOOK, true)));
        ValidationReport report = plugboard.installations().validate(new ValidateSettingsCommand(WEBHOOK, TestPlugins.webhookSettings()));
        shown.add(report);
        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, WEBHOOK));

        assertThat(shown).allSatisfy(view -> assertThat(view.toString()).doesNotContain(SECRET));
        assertThat(report.effectiveSettings().at("/token")).contains(SettingsPolicy.REDACTED);
        List<AuditEntry> entries = AuditEntries.all(plugboard);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(7);
        assertThat(entries).allSatisfy(entry -> assertThat(AuditEntries.everythingShown(entry)).doesNotContain(SECRET));
        assertThat(entries).filteredOn(entry -> entry.after().isPresent() && entry.target().startsWith("installation:"))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.after().orElseThrow().at("/settings/token")).contains(SettingsPolicy.REDACTED));
    }
}
