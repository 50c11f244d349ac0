package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** An owner replaces an installation's settings; stored secrets survive a form that never showed them. */
class ConfigureInstallationTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");

    private final TestClock clock = new TestClock();
    private final InMemoryStores storage = new InMemoryStores();
    private final Plugboard plugboard = storage.wire(Plugboard.builder())
            .clock(clock)
            .manifest(TestPlugins.registrableWebhook())
            .manifest(TestPlugins.chat())
            .build();

    @BeforeEach
    void aliceHasTheWebhookWithASecretToken() {
        plugboard.syncCatalog();
        install("webhook", "{\"url\": \"https://example.test/hook\", \"retries\": 3, \"token\": \"s3cr3t\"}");
    }

    private InstallationView install(String plugin, String settings) {
        return plugboard.installations().install(new InstallPluginCommand(ALICE, PluginName.of(plugin),
                Optional.of(JsonDocument.parse(settings)), Optional.empty()));
    }

    private InstallationView configure(String plugin, String settings) {
        return configure(plugin, settings, OptionalLong.empty());
    }

    private InstallationView configure(String plugin, String settings, OptionalLong expectedVersion) {
        return plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, PluginName.of(plugin),
                JsonDocument.parse(settings), expectedVersion));
    }

    /** The secret as a run would see it; the stored settings themselves only ever say (set). */
    private Object storedSecret(String plugin, String pointer) {
        assertThat(storage.installations.find(ALICE_OWNER, PluginName.of(plugin)).orElseThrow().settings().at(pointer))
                .contains("(set)");
        return storage.secretInClear(ALICE_OWNER, plugin, pointer);
    }

    @Test
    void givenNewSettings_configure_mergesThemOverTheStoredOnesKeepingOmittedFieldsAndBumpsTheVersion() {
        Instant later = clock.advanceSeconds(30);

        InstallationView view = configure("webhook", "{\"url\": \"https://example.test/new\"}");

        assertThat(view.settings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/new\", \"retries\": 3, \"token\": \"(set)\", \"method\": \"POST\"}"));
        assertThat(view.secretsSet()).containsExactly("/token");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.createdAt()).isEqualTo(TestClock.START);
        assertThat(view.updatedAt()).isEqualTo(later);
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook")).isEqualTo(view);
        assertThat(storedSecret("webhook", "/token")).isEqualTo("s3cr3t");

        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.CONFIGURE, "installation:user:alice/webhook", AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.before().orElseThrow().at("/settings/retries")).contains(3L);
        assertThat(entry.after().orElseThrow().at("/settings/url")).contains("https://example.test/new");
        assertThat(entry.after().orElseThrow().at("/settings/token")).contains("(set)");
    }

    @Test
    void givenSecretSentBackAsSet_configure_keepsTheStoredSecret() {
        configure("webhook", "{\"url\": \"https://example.test/new\"}");

        InstallationView view = configure("webhook", "{\"url\": \"https://example.test/newer\", \"token\": \"(set)\"}");

        assertThat(view.settings().at("/token")).contains("(set)");
        assertThat(view.secretsSet()).containsExactly("/token");
        assertThat(view.version()).isEqualTo(2);
        assertThat(storedSecret("webhook", "/token")).isEqualTo("s3cr3t");
    }

    @Test
    void givenNewSecretValue_configure_replacesTheStoredSecret() {
        InstallationView view = configure("webhook", "{\"url\": \"https://example.test/hook\", \"token\": \"n3w-t0ken\"}");

        assertThat(view.settings().at("/token")).contains("(set)");
        assertThat(storedSecret("webhook", "/token")).isEqualTo("n3w-t0ken");
    }

    @Test
    void givenSecretTheSchemaRequires_configureLeavingItOut_stillPassesValidationWithTheStoredSecret() {
        install("chat", "{\"channel\": \"#ops\", \"apiKey\": \"s3cr3t\"}");

        InstallationView first = configure("chat", "{\"channel\": \"#general\"}");
        InstallationView second = configure("chat", "{\"channel\": \"#random\"}");

        assertThat(first.secretsSet()).containsExactly("/apiKey");
        assertThat(second.settings()).isEqualTo(JsonDocument.parse("{\"channel\": \"#random\", \"apiKey\": \"(set)\"}"));
        assertThat(second.secretsSet()).containsExactly("/apiKey");
        assertThat(second.version()).isEqualTo(2);
        assertThat(storedSecret("chat", "/apiKey")).isEqualTo("s3cr3t");
    }

    @Test
    void givenNoStoredSecret_configureLeavingOutARequiredSecret_isRefused() {
        install("chat", "{}");

        assertThatThrownBy(() -> configure("chat", "{\"channel\": \"#general\"}"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::keyword)
                        .containsExactly(tuple("/apiKey", "dependentRequired")));

        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "chat").settings()).isEqualTo(JsonDocument.empty());
    }

    @Test
    void givenExplicitNulls_configure_removesThoseFieldsSecretsIncluded() {
        InstallationView view = configure("webhook", "{\"retries\": null, \"token\": null}");

        assertThat(view.settings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/hook\", \"method\": \"POST\"}"));
        assertThat(view.secretsSet()).isEmpty();
        assertThat(storage.installations.find(ALICE_OWNER, PluginName.of("webhook")).orElseThrow().secrets().isEmpty()).isTrue();
    }

    @Test
    void givenSchemaThatNoLongerMarksTheFieldWriteOnly_configure_keepsTheStoredValueSecret() {
        storage.plugins.save(storage.plugins.find(PluginName.of("webhook")).orElseThrow()
                .withManifest(TestPlugins.webhookWithoutSecrets(), plugboard.settingsPolicy(), TestClock.START));

        InstallationView view = configure("webhook", "{\"url\": \"https://example.test/new\"}");

        assertThat(view.settings().at("/token")).contains("(set)");
        assertThat(view.secretsSet()).containsExactly("/token");
        assertThat(storedSecret("webhook", "/token")).isEqualTo("s3cr3t");
        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void givenCurrentExpectedVersion_configure_succeeds() {
        InstallationView view = configure("webhook", "{\"url\": \"https://example.test/v1\"}", OptionalLong.of(0));

        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void givenStaleExpectedVersion_configure_isRefusedAndKeepsTheNewerSettings() {
        configure("webhook", "{\"url\": \"https://example.test/theirs\"}", OptionalLong.of(0));

        assertThatThrownBy(() -> configure("webhook", "{\"url\": \"https://example.test/mine\"}", OptionalLong.of(0)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("installation");
                    assertThat(e.id()).contains("user:alice/webhook");
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.code()).isEqualTo("concurrent_modification");
                });

        InstallationView stored = plugboard.installations().getInstallation(ALICE_OWNER, "webhook");
        assertThat(stored.settings().at("/url")).contains("https://example.test/theirs");
        assertThat(stored.version()).isEqualTo(1);
        assertThat(AuditEntries.single(plugboard, AuditAction.CONFIGURE, "installation:user:alice/webhook", AuditEntry.Outcome.FAILURE).detail())
                .startsWith("concurrent_modification: ");
    }

    @Test
    void givenInvalidSettings_configure_isRefusedAndChangesNothing() {
        InstallationView before = plugboard.installations().getInstallation(ALICE_OWNER, "webhook");

        assertThatThrownBy(() -> configure("webhook", "{\"url\": \"not a url\", \"retries\": -1}"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::keyword)
                        .containsExactly(tuple("/retries", "minimum"), tuple("/url", "pattern")));

        assertThat(plugboard.installations().getInstallation(ALICE_OWNER, "webhook")).isEqualTo(before);
        assertThat(storedSecret("webhook", "/token")).isEqualTo("s3cr3t");
    }

    @Test
    void givenPluginNotInstalled_configure_throwsInstallationNotFound() {
        assertThatThrownBy(() -> configure("chat", "{}"))
                .isInstanceOfSatisfying(InstallationNotFoundException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE_OWNER);
                    assertThat(e.plugin()).isEqualTo("chat");
                });
    }
}
