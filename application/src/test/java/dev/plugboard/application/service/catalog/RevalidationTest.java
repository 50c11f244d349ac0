package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.owner.Owner;
import static dev.plugboard.application.service.catalog.GreeterUpgrade.GREETER;
import static dev.plugboard.application.service.catalog.GreeterUpgrade.V1;
import static dev.plugboard.application.service.catalog.GreeterUpgrade.V2;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.SettingsMigration;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A schema change re-validates every stored installation: broken ones need attention until their owner saves valid settings. */
class RevalidationTest {

    private final GreeterUpgrade upgrade = new GreeterUpgrade();
    private final SettableManifests manifests = upgrade.manifests;
    private final Plugboard plugboard = upgrade.plugboard;

    private void install(String user, String settings) {
        upgrade.install(user, settings);
    }

    private InstallationView view(String user) {
        return plugboard.installations().getInstallation(Owner.user(user), "greeter");
    }

    private void startRun(String user) {
        plugboard.runs().start(new StartRunCommand(Caller.user(user, null), GREETER, JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty()));
    }

    private void givenThreeInstallationsOfV1() {
        plugboard.syncCatalog();
        install("alice", "{\"name\": \"Alice\"}");
        install("bob", "{}");
        install("carol", "{}");
    }

    @Test
    void givenAnUpgradeNarrowingASecretField_whenSynced_thenTheSecretIsCheckedInClear_andItsValueIsNeverRepeated() {
        PluginManifest v1 = GreeterUpgrade.V1.toBuilder().settingsSchema(JsonDocument.parse("{\"type\": \"object\","
                + " \"properties\": {\"apiKey\": {\"type\": \"string\", \"writeOnly\": true}}}")).build();
        manifests.set(List.of(v1));
        plugboard.syncCatalog();
        install("dave", "{\"apiKey\": \"short-1\"}");
        install("erin", "{\"apiKey\": \"long-enough-key\"}");
        manifests.set(List.of(v1.toBuilder().version("1.1.0").settingsSchema(JsonDocument.parse("{\"type\": \"object\","
                + " \"properties\": {\"apiKey\": {\"type\": \"string\", \"writeOnly\": true, \"minLength\": 10}}}")).build()));

        assertThat(GreeterUpgrade.greeterLine(upgrade.dryRun()).impact().orElseThrow().broken())
                .as("the dry run opens the secrets too").isEqualTo(1);
        plugboard.syncCatalog();

        assertThat(view("erin").needsAttention()).isFalse();
        assertThat(view("dave").needsAttention()).isTrue();
        assertThat(view("dave").attention().violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/apiKey");
            assertThat(violation.keyword()).isEqualTo("minLength");
            assertThat(violation.toString()).doesNotContain("short-1");
        });
    }

    @Test
    void givenAnUpgradeAddingARequiredField_whenSynced_thenBrokenInstallationsNeedAttentionUntilAValidPut() {
        givenThreeInstallationsOfV1();
        manifests.set(List.of(V2));
        int broken = GreeterUpgrade.greeterLine(upgrade.dryRun()).impact().orElseThrow().broken();
        assertThat(broken).isEqualTo(2);
        assertThat(view("bob").needsAttention()).as("a dry run marks nothing").isFalse();

        plugboard.syncCatalog();

        assertThat(view("alice").needsAttention()).isFalse();
        assertThat(List.of(view("bob"), view("carol"))).allSatisfy(view -> {
            assertThat(view.needsAttention()).isTrue();
            assertThat(view.attention().violations()).extracting(Violation::keyword).containsExactly("required");
        });
        assertThatThrownBy(() -> startRun("bob")).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
            assertThat(e.code()).isEqualTo("SETTINGS_INVALID");
            assertThat(e.violations()).extracting(Violation::keyword).containsExactly("required");
            assertThat(e.getMessage()).contains("greeter", "user:bob", "PUT /api/user/plugins/greeter/config");
        });

        plugboard.installations().configure(new ConfigureInstallationCommand(Caller.user("bob", null), GREETER,
                JsonDocument.parse("{\"name\": \"Bob\"}"), OptionalLong.empty()));

        assertThat(view("bob").needsAttention()).isFalse();
        assertThat(view("bob").attention().violations()).isEmpty();
        assertThat(view("carol").needsAttention()).isTrue();
        startRun("bob");
        startRun("alice");
    }

    @Test
    void givenTheNewRequiredFieldHasADefault_whenSynced_thenNoInstallationNeedsAttention() {
        givenThreeInstallationsOfV1();
        manifests.set(List.of(V2.toBuilder().settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"default\": \"friend\"}}}")).build()));

        plugboard.syncCatalog();

        assertThat(List.of(view("alice"), view("bob"), view("carol")))
                .noneSatisfy(view -> assertThat(view.needsAttention()).isTrue());
        startRun("bob");
    }

    @Test
    void givenTheSameUpgradeWithASettingsMigrationDefault_whenSynced_thenNoneBreak_andTheMigrationIsStoredAndAudited() {
        givenThreeInstallationsOfV1();
        manifests.set(List.of(V2.toBuilder().settingsMigrations(List.of(SettingsMigration.defaultValue("name", "friend"))).build()));

        assertThat(GreeterUpgrade.greeterLine(upgrade.dryRun()).impact().orElseThrow().broken()).isZero();
        plugboard.syncCatalog();

        assertThat(List.of(view("alice"), view("bob"), view("carol")))
                .noneSatisfy(view -> assertThat(view.needsAttention()).isTrue());
        assertThat(view("bob").settings().get("name")).contains("friend");
        assertThat(view("alice").settings().get("name")).as("a default fills only what is missing").contains("Alice");
        assertThat(AuditEntries.of(plugboard, AuditAction.CONFIGURE, "installation:user:bob/greeter"))
                .extracting(AuditEntry::detail)
                .contains("settings migrated by greeter 1.1.0: default name = \"friend\"");
        assertThat(AuditEntries.of(plugboard, AuditAction.CONFIGURE, "installation:user:alice/greeter")).isEmpty();
        startRun("bob");
    }

    @Test
    void givenARenameAndADrop_whenSynced_thenStoredSettingsAreCarriedOver() {
        plugboard.syncCatalog();
        install("dave", "{\"name\": \"Dave\"}");
        manifests.set(List.of(V1.toBuilder().version("2.0.0")
                .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"required\": [\"greeting\"],"
                        + " \"properties\": {\"greeting\": {\"type\": \"string\"}}, \"additionalProperties\": false}"))
                .settingsMigrations(List.of(SettingsMigration.rename("name", "greeting"), SettingsMigration.drop("name")))
                .build()));

        plugboard.syncCatalog();

        assertThat(view("dave").needsAttention()).isFalse();
        assertThat(view("dave").settings().asMap()).containsExactly(java.util.Map.entry("greeting", "Dave"));
    }

    @Test
    void givenARegistrationThatChangesTheSchema_whenRegistered_thenBrokenInstallationsNeedAttention_andARevertClearsThem() {
        givenThreeInstallationsOfV1();

        plugboard.catalog().register(new RegisterPluginCommand(Actor.system(), V2.toBuilder()
                .source(PluginSource.MANIFEST_DIRECTORY).build(), true));

        assertThat(view("carol").needsAttention()).isTrue();
        assertThat(view("alice").needsAttention()).isFalse();

        plugboard.catalog().register(new RegisterPluginCommand(Actor.system(), V1.toBuilder().version("1.2.0").build(), true));

        assertThat(view("carol").needsAttention()).as("settings that validate again need no attention").isFalse();
    }
}
