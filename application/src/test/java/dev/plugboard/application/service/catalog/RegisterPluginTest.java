package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.Registration;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.DependencyProblem;
import dev.plugboard.domain.plugin.InvalidPluginException;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.UnsatisfiedDependencyException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An administrator registers plugins, and the catalog refuses incoherent ones and broken dependencies. */
class RegisterPluginTest {

    private static final Actor OPS = Actor.operator("ops");

    private final TestClock clock = new TestClock();
    private final Plugboard plugboard = Plugboard.builder().clock(clock).build();

    private Registration register(PluginManifest manifest) {
        return plugboard.catalog().register(new RegisterPluginCommand(OPS, manifest));
    }

    private void assertNotInCatalog(String name) {
        assertThatThrownBy(() -> plugboard.catalog().get(name)).isInstanceOf(PluginNotFoundException.class);
    }

    @Test
    void givenValidManifest_register_createsAnEnabledPluginAndAuditsIt() {
        Registration registration = register(TestPlugins.analytics());

        assertThat(registration.created()).isTrue();
        assertThat(registration.plugin().isEnabled()).isTrue();
        assertThat(plugboard.catalog().get("analytics")).isEqualTo(registration.plugin());
        assertThat(plugboard.catalog().get("analytics").manifest()).isEqualTo(TestPlugins.analytics());
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.REGISTER, "plugin:analytics", AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.actor()).isEqualTo(OPS);
        assertThat(entry.detail()).isEqualTo("registered version 1.0.0");
    }

    @Test
    void givenRegisteredPlugin_registerAgain_replacesTheManifestKeepingItsSwitchAndRegistrationTime() {
        register(TestPlugins.analytics());
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(OPS, PluginName.of("analytics"), false, false));
        Instant later = clock.advanceSeconds(30);
        PluginManifest changed = TestPlugins.analytics().toBuilder().version("1.1.0").description("Counts more").build();

        Registration registration = register(changed);

        assertThat(registration.created()).isFalse();
        Plugin stored = plugboard.catalog().get("analytics");
        assertThat(stored.manifest()).isEqualTo(changed);
        assertThat(stored.isEnabled()).isFalse();
        assertThat(stored.registeredAt()).isEqualTo(TestClock.START);
        assertThat(stored.updatedAt()).isEqualTo(later);
        AuditEntry entry = AuditEntries.latest(plugboard, AuditAction.REGISTER, "plugin:analytics");
        assertThat(entry.detail()).isEqualTo("version 1.0.0 -> 1.1.0");
        assertThat(entry.before()).contains(JsonDocument.parse("{\"version\": \"1.0.0\", \"enabled\": false}"));
        assertThat(entry.after()).contains(JsonDocument.parse("{\"version\": \"1.1.0\", \"enabled\": false}"));
    }

    @Test
    void givenSchemaThatIsNotJsonSchema_register_isRefusedListingTheProblemAndNothingIsStored() {
        PluginManifest broken = PluginManifest.builder("broken", "1.0.0")
                .settingsSchema(JsonDocument.parse("{\"type\": \"objekt\"}"))
                .build();

        assertThatThrownBy(() -> register(broken))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("broken");
                    assertThat(e.problems()).isNotEmpty()
                            .allSatisfy(problem -> assertThat(problem).startsWith("settings schema is not a valid JSON Schema: /type"));
                });

        assertNotInCatalog("broken");
        assertThat(plugboard.catalog().list(CatalogFilter.ALL, PageRequest.first()).items()).isEmpty();
        AuditEntry refused = AuditEntries.single(plugboard, AuditAction.REGISTER, "plugin:broken", AuditEntry.Outcome.FAILURE);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
        assertThat(refused.detail()).startsWith("invalid_plugin: plugin broken cannot be registered: ");
    }

    @Test
    void givenDefaultsThatBreakTheSchema_register_isRefusedNamingTheFieldAndNothingIsStored() {
        PluginManifest contradictory = PluginManifest.builder("contradictory", "1.0.0")
                .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"retries\": {\"type\": \"integer\"}}}"))
                .defaultSettings(JsonDocument.parse("{\"retries\": \"three\"}"))
                .build();

        assertThatThrownBy(() -> register(contradictory))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> assertThat(e.problems())
                        .containsExactly("default settings do not satisfy the settings schema: /retries: string found, integer expected"));

        assertNotInCatalog("contradictory");
    }

    @Test
    void givenInvalidInputSchema_register_isRefusedNamingTheInputSchema() {
        PluginManifest broken = TestPlugins.summarizer().toBuilder()
                .inputSchema(JsonDocument.parse("{\"properties\": {\"text\": {\"maxLength\": -1}}}"))
                .build();

        assertThatThrownBy(() -> register(broken))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("input schema is not a valid JSON Schema: /properties/text/maxLength"));

        assertNotInCatalog("summarizer");
    }

    @Test
    void givenRegisteredPlugin_registerAnInvalidNewVersion_keepsTheOldOne() {
        register(TestPlugins.analytics());
        PluginManifest broken = TestPlugins.analytics().toBuilder().version("2.0.0")
                .settingsSchema(JsonDocument.parse("{\"type\": 5}"))
                .build();

        assertThatThrownBy(() -> register(broken)).isInstanceOf(InvalidPluginException.class);

        assertThat(plugboard.catalog().get("analytics").manifest()).isEqualTo(TestPlugins.analytics());
    }

    @Test
    void givenRequiredFieldWithoutDefault_register_acceptsThePlugin() {
        Registration registration = register(TestPlugins.webhook());

        assertThat(registration.created()).isTrue();
        assertThat(plugboard.catalog().get("webhook").manifest()).isEqualTo(TestPlugins.webhook());
    }

    @Test
    void givenMissingDependency_register_isRefusedNamingTheDependencyAndNothingIsStored() {
        assertThatThrownBy(() -> register(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^1.0.0")))
                .isInstanceOfSatisfying(UnsatisfiedDependencyException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("reporter");
                    assertThat(e.code()).isEqualTo("unsatisfied_dependencies");
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.MISSING);
                        assertThat(problem.dependency()).hasToString("base ^1.0.0");
                        assertThat(problem.detail()).isEqualTo("needs base ^1.0.0 but 'base' is not in the catalog");
                    });
                });

        assertNotInCatalog("reporter");
        assertThat(AuditEntries.single(plugboard, AuditAction.REGISTER, "plugin:reporter", AuditEntry.Outcome.FAILURE).detail())
                .startsWith("unsatisfied_dependencies: plugin reporter has unsatisfied dependencies: needs base ^1.0.0");
    }

    @Test
    void givenDependencyOfTheWrongVersion_register_isRefusedNamingBothVersions() {
        register(TestPlugins.simple("base", "general", "2.0.0"));

        assertThatThrownBy(() -> register(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^1.0.0")))
                .isInstanceOfSatisfying(UnsatisfiedDependencyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.VERSION_MISMATCH);
                            assertThat(problem.detail()).isEqualTo("needs base ^1.0.0 but the catalog has base 2.0.0");
                        }));

        assertNotInCatalog("reporter");
    }

    @Test
    void givenDependencyInRange_register_acceptsThePlugin() {
        register(TestPlugins.simple("base", "general", "1.4.2"));

        Registration registration = register(TestPlugins.dependingOn("reporter", "1.0.0", "base", ">=1.2.0 <2.0.0"));

        assertThat(registration.created()).isTrue();
        assertThat(plugboard.catalog().get("reporter").manifest().dependencies()).hasSize(1);
    }

    @Test
    void givenDependencyThatWouldCloseACycle_register_isRefusedShowingTheCycleAndKeepsTheOldManifest() {
        register(TestPlugins.simple("beta", "general", "1.0.0"));
        register(TestPlugins.dependingOn("alpha", "1.0.0", "beta", "^1.0.0"));

        assertThatThrownBy(() -> register(TestPlugins.dependingOn("beta", "1.1.0", "alpha", "^1.0.0")))
                .isInstanceOfSatisfying(UnsatisfiedDependencyException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("beta");
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.CYCLE);
                        assertThat(problem.detail()).isEqualTo("dependency cycle: beta -> alpha -> beta");
                    });
                });

        Plugin beta = plugboard.catalog().get("beta");
        assertThat(beta.version()).hasToString("1.0.0");
        assertThat(beta.manifest().dependencies()).isEmpty();
    }

    @Test
    void givenDisabledDependency_register_isRefusedSayingItIsDisabled() {
        register(TestPlugins.simple("base", "general", "1.0.0"));
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(OPS, PluginName.of("base"), false, false));

        assertThatThrownBy(() -> register(TestPlugins.dependingOn("reporter", "1.0.0", "base", "^1.0.0")))
                .isInstanceOfSatisfying(UnsatisfiedDependencyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.DISABLED);
                            assertThat(problem.detail()).isEqualTo("needs base but it is disabled");
                        }));
        assertNotInCatalog("reporter");
    }
}
