package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Action;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginOwnedElsewhereException;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sync plan: what each manifest would do, dry runs, and the refusals that protect installations and owners. */
class CatalogSyncPlanTest {

    private static final Actor OPERATOR = Actor.system();

    private final InMemoryStores storage = new InMemoryStores();
    private final SettableManifests manifests = new SettableManifests(List.of());
    private final Plugboard plugboard = storage.wire(Plugboard.builder())
            .clock(new TestClock())
            .manifestSource(manifests)
            .build();

    private static PluginManifest directory(String name, String version) {
        return PluginManifest.builder(name, version).source(PluginSource.MANIFEST_DIRECTORY).build();
    }

    private static PluginManifest withSchema(PluginManifest manifest, String schema) {
        return manifest.toBuilder().settingsSchema(JsonDocument.parse(schema)).build();
    }

    private SyncReport sync(SyncOptions options, PluginManifest... found) {
        manifests.set(List.of(found));
        return plugboard.catalogSync().sync(new SyncCatalogCommand(OPERATOR, Optional.empty(), options));
    }

    private SyncReport sync(PluginManifest... found) {
        return sync(SyncOptions.DEFAULT, found);
    }

    private static PlannedChange line(SyncReport report, String plugin) {
        return report.plan().stream().filter(change -> change.plugin().equals(plugin)).findFirst().orElseThrow();
    }

    @Test
    void givenChangedManifests_dryRun_givesEachPluginItsAction_andChangesNothing() {
        sync(directory("greeter", "1.0.0"), directory("echo", "1.0.0"), directory("quiet", "1.0.0"));
        int auditBefore = AuditEntries.all(plugboard).size();

        SyncReport plan = sync(new SyncOptions(true, false, false), directory("greeter", "1.1.0"),
                withSchema(directory("echo", "1.0.0"), "{\"type\": \"object\", \"required\": [\"name\"]}"),
                directory("quiet", "1.0.0"), directory("fresh", "0.1.0"), directory("greeter", "1.0.0"));

        assertThat(plan.dryRun()).isTrue();
        assertThat(line(plan, "greeter").action()).isEqualTo(Action.UPGRADED);
        assertThat(line(plan, "greeter").fromVersion()).contains("1.0.0");
        assertThat(line(plan, "greeter").toVersion()).contains("1.1.0");
        assertThat(line(plan, "echo").action()).isEqualTo(Action.SCHEMA_CHANGED);
        assertThat(line(plan, "echo").schemaChanged()).isTrue();
        assertThat(line(plan, "quiet").action()).isEqualTo(Action.UNCHANGED);
        assertThat(line(plan, "fresh").action()).isEqualTo(Action.ADDED);
        assertThat(line(plan, "fresh").source()).isEqualTo("directory");
        assertThat(plan.rejected()).extracting(ManifestDiscovery.Problem::location).containsExactly("greeter")
                .as("a name found twice is rejected, as in a real sync");
        assertThat(plan.summary()).startsWith("dry run, nothing changed: would be 1 added, 2 updated, 1 unchanged");
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("1.0.0");
        assertThat(plugboard.catalog().list(dev.plugboard.application.port.out.CatalogFilter.ALL,
                dev.plugboard.application.port.PageRequest.first()).items()).noneMatch(p -> p.name().value().equals("fresh"));
        assertThat(AuditEntries.all(plugboard)).as("a dry run audits nothing").hasSize(auditBefore);

        SyncReport applied = sync(directory("greeter", "1.1.0"),
                withSchema(directory("echo", "1.0.0"), "{\"type\": \"object\", \"required\": [\"name\"]}"),
                directory("quiet", "1.0.0"), directory("fresh", "0.1.0"));
        assertThat(applied.plan()).extracting(PlannedChange::action).containsExactlyInAnyOrderElementsOf(
                plan.plan().stream().map(PlannedChange::action).toList().subList(0, 4));
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("1.1.0");
    }

    @Test
    void givenALowerVersionInTheFolder_sync_refusesTheDowngrade_untilAllowed() {
        sync(directory("greeter", "2.0.0"));

        SyncReport refused = sync(directory("greeter", "1.5.0"));

        assertThat(line(refused, "greeter").action()).isEqualTo(Action.DOWNGRADED);
        assertThat(line(refused, "greeter").refusal()).hasValueSatisfying(reason ->
                assertThat(reason).contains("1.5.0 is lower than the catalog's 2.0.0").contains("--allow-downgrade"));
        assertThat(refused.rejected()).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("greeter"));
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("2.0.0");

        SyncReport allowed = sync(new SyncOptions(false, true, false), directory("greeter", "1.5.0"));

        assertThat(allowed.rejected()).isEmpty();
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("1.5.0");
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:greeter"))
                .extracting(AuditEntry::detail).contains("version 2.0.0 -> 1.5.0");
    }

    @Test
    void givenADependentsRange_anUpgradeOutsideIt_isRefused_andAForcedOneNamesTheDependentUnsatisfied() {
        PluginManifest reports = directory("reports", "1.0.0").toBuilder()
                .dependencies(List.of(dev.plugboard.domain.plugin.Dependency.of("base", "^1.0.0"))).build();
        sync(directory("base", "1.2.0"), reports);

        SyncReport refused = sync(directory("base", "2.0.0"), reports);

        assertThat(line(refused, "base").refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'reports' needs base ^1.0.0, which excludes base 2.0.0").contains("--force"));
        assertThat(plugboard.catalog().get("base").version()).hasToString("1.2.0");

        SyncReport forced = sync(new SyncOptions(false, false, true), directory("base", "2.0.0"), reports);

        assertThat(forced.rejected()).isEmpty();
        assertThat(line(forced, "base").notes()).containsExactly("unsatisfied: 'reports' needs base ^1.0.0, which excludes base 2.0.0");
        assertThat(plugboard.catalog().get("base").version()).hasToString("2.0.0");
        assertThat(plugboard.catalog().unsatisfied(plugboard.catalog().get("reports")))
                .as("the dependent reads as unsatisfied, with the reason").containsExactly("needs base ^1.0.0 but the catalog has base 2.0.0");
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:base"))
                .extracting(AuditEntry::detail).contains("version 1.2.0 -> 2.0.0; unsatisfied: 'reports' needs base ^1.0.0, which excludes base 2.0.0");
    }

    @Test
    void givenADependentsRange_registeringAVersionOutsideIt_isRefused_unlessForced() {
        plugboard.catalog().register(new RegisterPluginCommand(OPERATOR, PluginManifest.builder("base", "1.0.0").build()));
        plugboard.catalog().register(new RegisterPluginCommand(OPERATOR, PluginManifest.builder("reports", "1.0.0")
                .dependencies(List.of(dev.plugboard.domain.plugin.Dependency.of("base", "^1.0.0"))).build()));

        assertThatThrownBy(() -> plugboard.catalog().register(new RegisterPluginCommand(OPERATOR,
                PluginManifest.builder("base", "2.0.0").build())))
                .hasMessageContaining("'reports' needs base ^1.0.0, which excludes base 2.0.0");
        assertThat(plugboard.catalog().get("base").version()).hasToString("1.0.0");
        assertThat(plugboard.catalog().unsatisfied(plugboard.catalog().get("reports"))).isEmpty();

        plugboard.catalog().register(new RegisterPluginCommand(OPERATOR, PluginManifest.builder("base", "2.0.0").build(), true));

        assertThat(plugboard.catalog().unsatisfied(plugboard.catalog().get("reports")))
                .containsExactly("needs base ^1.0.0 but the catalog has base 2.0.0");
    }

    @Test
    void givenAPluginRegisteredOverTheApi_aDirectorySync_neverOverwritesIt_unlessForcedAndAudited() {
        plugboard.catalog().register(new RegisterPluginCommand(OPERATOR, PluginManifest.builder("greeter", "1.0.0").build()));

        SyncReport refused = sync(directory("greeter", "3.0.0"));

        assertThat(line(refused, "greeter").refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("'greeter' belongs to the api source; a directory manifest replaces it only when forced"
                        + " (--force, or force=true over REST)"));
        assertThat(plugboard.catalog().get("greeter").manifest().source()).isEqualTo(PluginSource.REGISTERED);
        assertThat(plugboard.catalog().get("greeter").version()).hasToString("1.0.0");

        sync(new SyncOptions(false, false, true), directory("greeter", "3.0.0"));

        assertThat(plugboard.catalog().get("greeter").manifest().source()).isEqualTo(PluginSource.MANIFEST_DIRECTORY);
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:greeter"))
                .extracting(AuditEntry::detail).contains("version 1.0.0 -> 3.0.0; forced takeover from the api source");
    }

    @Test
    void givenABuiltin_aRegistrationNeverReplacesIt_evenForced_andADirectoryPluginOnlyWhenForced() {
        sync(PluginManifest.builder("analytics", "1.0.0").source(PluginSource.BUILTIN).build(), directory("greeter", "1.0.0"));

        for (boolean force : new boolean[] {false, true}) {
            assertThatThrownBy(() -> plugboard.catalog().register(new RegisterPluginCommand(OPERATOR,
                    PluginManifest.builder("analytics", "9.0.0").build(), force)))
                    .isInstanceOfSatisfying(PluginOwnedElsewhereException.class, e -> {
                        assertThat(e.getMessage()).contains("'analytics' is a builtin plugin; a builtin is never replaced");
                        assertThat(e.code()).isEqualTo("plugin_owned_elsewhere");
                    });
        }
        assertThat(plugboard.catalog().get("analytics").version()).hasToString("1.0.0");
        assertThatThrownBy(() -> plugboard.catalog().register(new RegisterPluginCommand(OPERATOR,
                PluginManifest.builder("greeter", "2.0.0").build())))
                .hasMessageContaining("'greeter' belongs to the directory source");

        plugboard.catalog().register(new RegisterPluginCommand(OPERATOR, PluginManifest.builder("greeter", "2.0.0").build(), true));

        assertThat(plugboard.catalog().get("greeter").manifest().source()).isEqualTo(PluginSource.REGISTERED);
    }
}
