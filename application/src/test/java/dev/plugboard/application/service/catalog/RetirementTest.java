package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase.PurgePluginCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Action;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.PluginRetiredException;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.PluginStillUsedException;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A directory plugin whose manifest disappeared retires; purge removes it once nobody has it installed. */
class RetirementTest {

    private static final PluginName GREETER = PluginName.of("greeter");
    private static final Caller ALICE = Caller.user("alice", null);
    private static final PluginManifest MANIFEST = PluginManifest.builder("greeter", "1.0.0")
            .source(PluginSource.MANIFEST_DIRECTORY).build();

    private final SettableManifests manifests = new SettableManifests(List.of(MANIFEST));
    private final Plugboard plugboard = new InMemoryStores().wire(Plugboard.builder())
            .clock(new TestClock()).manifestSource(manifests).build();

    private SyncReport syncWithout() {
        manifests.set(List.of());
        return plugboard.syncCatalog();
    }

    private void installForAlice() {
        plugboard.installations().install(new InstallPluginCommand(ALICE, GREETER, Optional.empty(), Optional.empty()));
    }

    @Test
    void givenAnInstalledDirectoryPlugin_itsManifestRemoved_retiresIt_keepsTheInstallation_andRefusesNewInstallsAndRuns() {
        plugboard.syncCatalog();
        installForAlice();

        SyncReport report = syncWithout();

        assertThat(report.plan()).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo(Action.RETIRED);
            assertThat(line.applies()).isTrue();
        });
        assertThat(report.summary()).endsWith("1 retired");
        assertThat(plugboard.catalog().get("greeter").isRetired()).isTrue();
        assertThat(plugboard.installations().listInstallations(ALICE.owner())).extracting(view -> view.plugin().value())
                .as("the installation is kept").containsExactly("greeter");
        assertThatThrownBy(() -> plugboard.installations().install(new InstallPluginCommand(Caller.user("bob", null), GREETER,
                Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(PluginRetiredException.class, e -> {
                    assertThat(e.code()).isEqualTo("PLUGIN_RETIRED");
                    assertThat(e.getMessage()).contains("plugboard plugins purge greeter");
                });
        assertThatThrownBy(() -> plugboard.runs().start(new StartRunCommand(ALICE, GREETER, JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("PLUGIN_RETIRED"));
        assertThat(AuditEntries.of(plugboard, AuditAction.SYNC, "plugin:greeter")).extracting(AuditEntry::detail)
                .contains("retired version 1.0.0: manifest no longer in the plugins directory; installations and history are kept");

        manifests.set(List.of(MANIFEST));
        SyncReport back = plugboard.syncCatalog();

        assertThat(back.plan()).singleElement().satisfies(line -> assertThat(line.action()).isEqualTo(Action.RESTORED));
        assertThat(plugboard.catalog().get("greeter").isRetired()).isFalse();
    }

    @Test
    void givenADiscoveryProblem_aSync_retiresNothing() {
        plugboard.syncCatalog();

        manifests.set(List.of(), List.of(new ManifestDiscovery.Problem("/srv/plugins", "is not a directory")));
        SyncReport withProblem = plugboard.syncCatalog();
        SyncReport clean = syncWithout();

        assertThat(withProblem.plan()).isEmpty();
        assertThat(withProblem.rejected()).hasSize(1);
        assertThat(clean.plan()).extracting(line -> line.action()).as("control: the same sync without a problem retires")
                .containsExactly(Action.RETIRED);
    }

    @Test
    void givenARetiredPlugin_purge_isRefusedWhileInstalled_thenRemovesIt_andIsAudited() {
        plugboard.syncCatalog();
        installForAlice();
        assertThatThrownBy(() -> plugboard.purge().purge(new PurgePluginCommand(Actor.system(), GREETER)))
                .isInstanceOfSatisfying(PluginStillUsedException.class, e -> assertThat(e.getMessage())
                        .contains("its manifest is still in the plugins directory"));
        syncWithout();

        assertThatThrownBy(() -> plugboard.purge().purge(new PurgePluginCommand(Actor.system(), GREETER)))
                .isInstanceOfSatisfying(PluginStillUsedException.class, e -> {
                    assertThat(e.code()).isEqualTo("plugin_still_used");
                    assertThat(e.getMessage()).contains("1 installation(s) still use it");
                });
        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, GREETER));
        plugboard.purge().purge(new PurgePluginCommand(Actor.system(), GREETER));

        assertThatThrownBy(() -> plugboard.catalog().get("greeter")).isInstanceOf(PluginNotFoundException.class);
        assertThat(AuditEntries.of(plugboard, AuditAction.PLUGIN_PURGED, "plugin:greeter")).extracting(AuditEntry::detail)
                .contains("purged version 1.0.0 (retired) with its run history");
    }

    @Test
    void givenABuiltin_purge_isRefused() {
        manifests.set(List.of(PluginManifest.builder("analytics", "1.0.0").source(PluginSource.BUILTIN).build()));
        plugboard.syncCatalog();

        assertThatThrownBy(() -> plugboard.purge().purge(new PurgePluginCommand(Actor.system(), PluginName.of("analytics"))))
                .hasMessageContaining("it is a builtin plugin");
        assertThat(plugboard.catalog().get("analytics").isRetired()).isFalse();
    }
}
