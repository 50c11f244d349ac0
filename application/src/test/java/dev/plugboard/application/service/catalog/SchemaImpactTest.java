package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upgrade whose schema adds a required field: the plan counts the installations it breaks before anything changes. */
class SchemaImpactTest {

    private final GreeterUpgrade upgrade = new GreeterUpgrade();
    private final SettableManifests manifests = upgrade.manifests;
    private final Plugboard plugboard = upgrade.plugboard;

    private void install(String user, String settings) {
        upgrade.install(user, settings);
    }

    private static PlannedChange greeterLine(SyncReport report) {
        return GreeterUpgrade.greeterLine(report);
    }

    @Test
    void givenAnUpgradeAddingARequiredField_theDryRunCountsTheBrokenInstallations_andTheSyncRecordsIt() {
        plugboard.syncCatalog();
        install("alice", "{\"name\": \"Alice\"}");
        install("bob", "{}");
        install("carol", "{}");
        manifests.set(List.of(GreeterUpgrade.V2));

        SyncReport dryRun = upgrade.dryRun();

        PlannedChange line = greeterLine(dryRun);
        assertThat(line.schemaChanged()).isTrue();
        Impact impact = line.impact().orElseThrow();
        assertThat(impact.installations()).isEqualTo(3);
        assertThat(impact.broken()).isEqualTo(2);
        assertThat(impact.examples()).hasSize(2).allSatisfy(example -> assertThat(example).contains("name"));
        assertThat(impact.examples()).anySatisfy(example -> assertThat(example).startsWith("user:bob: "));
        assertThat(impact.summary()).isEqualTo("2 of 3 installation(s) would no longer validate");
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("1.0.0");

        plugboard.syncCatalog();

        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:greeter")).extracting(AuditEntry::detail)
                .contains("version 1.0.0 -> 1.1.0; 2 of 3 installation(s) would no longer validate");
        assertThatThrownBy(() -> plugboard.runs().start(new StartRunCommand(Caller.user("bob", null), GreeterUpgrade.GREETER,
                JsonDocument.empty(), RunTrigger.MANUAL, Optional.empty())))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("name");
    }

    @Test
    void givenTheNewRequiredFieldHasADefault_theSameUpgradeBreaksNone() {
        plugboard.syncCatalog();
        install("alice", "{\"name\": \"Alice\"}");
        install("bob", "{}");
        manifests.set(List.of(GreeterUpgrade.V2.toBuilder().settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"default\": \"friend\"}}}")).build()));

        SyncReport dryRun = upgrade.dryRun();

        assertThat(greeterLine(dryRun).impact()).hasValueSatisfying(impact -> {
            assertThat(impact.installations()).isEqualTo(2);
            assertThat(impact.broken()).isZero();
        });
    }

    @Test
    void givenAnUpgradeWithoutASchemaChange_theLineHasNoImpact() {
        plugboard.syncCatalog();
        install("bob", "{}");
        manifests.set(List.of(GreeterUpgrade.V1.toBuilder().version("1.0.1").build()));

        SyncReport dryRun = upgrade.dryRun();

        assertThat(greeterLine(dryRun).schemaChanged()).isFalse();
        assertThat(greeterLine(dryRun).impact()).isEmpty();
    }
}
