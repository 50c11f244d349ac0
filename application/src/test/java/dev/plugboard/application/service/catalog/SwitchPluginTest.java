package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.DependencyProblem;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginInUseException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.UnsatisfiedDependencyException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An administrator's global switch, and the dependencies that guard it. */
class SwitchPluginTest {

    private static final Actor OPS = Actor.operator("ops");

    private final TestClock clock = new TestClock();
    private Plugboard plugboard;

    @BeforeEach
    void reporterAndAuditorDependOnBase() {
        plugboard = Plugboard.builder()
                .clock(clock)
                .manifest(TestPlugins.simple("base", "general", "1.0.0"))
                .manifest(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^1.0.0"))
                .manifest(TestPlugins.dependingOn("auditor", "1.0.0", "base", "1.x"))
                .build();
        plugboard.syncCatalog();
    }

    private Plugin switchPlugin(String name, boolean enabled, boolean force) {
        return plugboard.catalog().switchPlugin(new SwitchPluginCommand(OPS, PluginName.of(name), enabled, force));
    }

    @Test
    void givenEnabledPlugin_disable_switchesItOffForEveryoneAndAuditsIt() {
        switchPlugin("reporter", false, false);
        Instant at = clock.advanceSeconds(5);

        Plugin disabled = switchPlugin("auditor", false, false);

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.disabledAt()).contains(at);
        assertThat(plugboard.catalog().get("auditor").isEnabled()).isFalse();
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.DISABLE, "plugin:auditor", AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(OPS);
        assertThat(entry.before()).contains(JsonDocument.parse("{\"version\": \"1.0.0\", \"enabled\": true}"));
        assertThat(entry.after()).contains(JsonDocument.parse("{\"version\": \"1.0.0\", \"enabled\": false}"));
    }

    @Test
    void givenDisabledPlugin_enable_switchesItBackOnAndAuditsIt() {
        switchPlugin("reporter", false, false);
        Instant at = clock.advanceSeconds(5);

        Plugin enabled = switchPlugin("reporter", true, false);

        assertThat(enabled.isEnabled()).isTrue();
        assertThat(enabled.enabledAt()).contains(at);
        assertThat(plugboard.catalog().get("reporter").isEnabled()).isTrue();
        assertThat(AuditEntries.of(plugboard, AuditAction.ENABLE, "plugin:reporter"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void givenEnabledDependents_disable_isRefusedNamingEveryDependentAndChangesNothing() {
        assertThatThrownBy(() -> switchPlugin("base", false, false))
                .isInstanceOfSatisfying(PluginInUseException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("base");
                    assertThat(e.dependents()).containsExactly("auditor", "reporter");
                    assertThat(e.code()).isEqualTo("plugin_in_use");
                });

        assertThat(plugboard.catalog().get("base").isEnabled()).isTrue();
        AuditEntry refused = AuditEntries.single(plugboard, AuditAction.DISABLE, "plugin:base", AuditEntry.Outcome.FAILURE);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
        assertThat(refused.detail()).startsWith("plugin_in_use: plugin base cannot be disabled: enabled plugins depend on it (auditor, reporter)");
    }

    @Test
    void givenEnabledDependents_forcedDisable_switchesItOffAndAuditsItAsForced() {
        Plugin disabled = switchPlugin("base", false, true);

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(plugboard.catalog().get("base").isEnabled()).isFalse();
        assertThat(AuditEntries.of(plugboard, AuditAction.DISABLE, "plugin:base"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
                    assertThat(entry.detail()).isEqualTo("forced");
                });
    }

    @Test
    void givenDependentsAllDisabled_disable_needsNoForce() {
        switchPlugin("reporter", false, false);
        switchPlugin("auditor", false, false);

        assertThat(switchPlugin("base", false, false).isEnabled()).isFalse();
    }

    @Test
    void givenDisabledDependency_enablingTheDependent_isRefusedAndItStaysDisabled() {
        switchPlugin("reporter", false, false);
        switchPlugin("base", false, true);

        assertThatThrownBy(() -> switchPlugin("reporter", true, false))
                .isInstanceOfSatisfying(UnsatisfiedDependencyException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("reporter");
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.DISABLED);
                        assertThat(problem.detail()).isEqualTo("needs base but it is disabled");
                    });
                });

        assertThat(plugboard.catalog().get("reporter").isEnabled()).isFalse();
        assertThat(AuditEntries.single(plugboard, AuditAction.ENABLE, "plugin:reporter", AuditEntry.Outcome.FAILURE).detail())
                .startsWith("unsatisfied_dependencies: plugin reporter has unsatisfied dependencies: needs base but it is disabled");
    }

    @Test
    void givenPluginAlreadyInTheAskedState_switch_changesNothing() {
        Plugin before = plugboard.catalog().get("reporter");
        clock.advanceSeconds(5);

        Plugin after = switchPlugin("reporter", true, false);

        assertThat(after).isEqualTo(before);
        assertThat(plugboard.catalog().get("reporter").updatedAt()).isEqualTo(TestClock.START);
    }

    @Test
    void givenUnknownPlugin_switch_throwsPluginNotFound() {
        assertThatThrownBy(() -> switchPlugin("nope", false, false))
                .isInstanceOfSatisfying(PluginNotFoundException.class, e -> assertThat(e.plugin()).isEqualTo("nope"));
    }
}
