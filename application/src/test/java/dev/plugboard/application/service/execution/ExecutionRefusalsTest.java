package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static org.assertj.core.api.Assertions.assertThat;

/** A queued run whose plugin or installation was switched off before it executed fails without reaching its handler. */
class ExecutionRefusalsTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName PROBE = PluginName.of("probe");

    private final ExecutionRig rig = new ExecutionRig();
    private final ScriptedHandler probe = new ScriptedHandler(manifest("probe", FAST_RETRIES),
            (input, settings, context) -> JsonDocument.of(Map.of("ok", true)));
    private Plugboard plugboard;
    private RunExecutor executor;

    @BeforeEach
    void aliceInstallsTheProbe() {
        plugboard = rig.plugboard(settings("test-1", 4, CircuitPolicy.DEFAULT), List.of(probe));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        executor = rig.executor(plugboard);
    }

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    private void assertRefused(PluginRun run, String code, String message) {
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains(new RunError(code, message));
        assertThat(run.output()).isEmpty();
        assertThat(run.lease()).isEmpty();
        assertThat(probe.calls()).as("the handler is never called").isZero();
    }

    @Test
    void pluginDisabledByAnAdministratorAfterQueueing_runFailsWithPluginDisabled() {
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PROBE, false, false));
        Instant refusedAt = rig.clock.advanceSeconds(3);

        PluginRun refused = settle(plugboard, executor, queued);

        assertRefused(refused, "PLUGIN_DISABLED", "plugin probe was disabled before the run started");
        assertThat(refused.completedAt()).contains(refusedAt);
        InstallationView installation = installation(plugboard, ALICE_OWNER, "probe");
        assertThat(installation.executionCount()).as("a refusal counts").isEqualTo(1);
        assertThat(installation.lastError()).contains("PLUGIN_DISABLED: plugin probe was disabled before the run started");
        assertThat(installation.lastExecutedAt()).contains(refusedAt);
        assertThat(plugboard.circuits().circuits(ALICE_OWNER)).allSatisfy(circuit -> assertThat(circuit.failures())
                .as("a switched-off plugin is not a failing plugin").isZero());
    }

    @Test
    void installationSwitchedOffByItsOwnerAfterQueueing_runFailsWithInstallationDisabled() {
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, PROBE, false));

        PluginRun refused = settle(plugboard, executor, queued);

        assertRefused(refused, "INSTALLATION_DISABLED", "plugin probe was switched off before the run started");
        InstallationView installation = installation(plugboard, ALICE_OWNER, "probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).contains("INSTALLATION_DISABLED: plugin probe was switched off before the run started");
        assertThat(plugboard.circuits().circuits(ALICE_OWNER)).allSatisfy(circuit -> assertThat(circuit.failures()).isZero());

        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, PROBE, true));
        PluginRun later = settle(plugboard, executor, start(plugboard, ALICE, "probe", JsonDocument.empty()));
        assertThat(later.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(probe.calls()).isEqualTo(1);
    }

    @Test
    void settingsBrokenByASchemaChangeAfterQueueing_runFailsWithSettingsInvalid() {
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        // As a sync that changed the schema leaves it (RevalidationTest covers the marking itself).
        Installation stored = rig.installations.find(ALICE_OWNER, PROBE).orElseThrow();
        rig.installations.update(stored.withAttention(Attention.of(List.of(
                new Violation("/key", "required", "required property 'key' not found")))));

        PluginRun refused = settle(plugboard, executor, queued);

        assertRefused(refused, "SETTINGS_INVALID", "the settings of plugin probe no longer satisfy its changed settings schema:"
                + " /key: required property 'key' not found; the owner must save valid settings");
        assertThat(installation(plugboard, ALICE_OWNER, "probe").needsAttention()).isTrue();
    }

    @Test
    void installationRemovedAfterQueueing_runFailsWithInstallationDisabled() {
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, PROBE));

        PluginRun refused = settle(plugboard, executor, queued);

        assertRefused(refused, "INSTALLATION_DISABLED", "plugin probe was uninstalled before the run started");
    }
}
