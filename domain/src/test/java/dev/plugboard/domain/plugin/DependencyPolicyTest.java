package dev.plugboard.domain.plugin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.plugboard.domain.plugin.PluginFixtures.catalog;
import static dev.plugboard.domain.plugin.PluginFixtures.disabled;
import static dev.plugboard.domain.plugin.PluginFixtures.manifest;
import static dev.plugboard.domain.plugin.PluginFixtures.plugin;
import static org.assertj.core.api.Assertions.assertThat;

class DependencyPolicyTest {

    private static final Dependency GEO_1 = Dependency.of("geo", "^1.0.0");

    @Test
    void givenDependencyPresentEnabledAndInRange_problemsOf_isEmpty() {
        assertThat(DependencyPolicy.problemsOf(manifest("weather", "1.0.0", GEO_1), catalog(plugin("geo", "1.4.0"))))
                .isEmpty();
    }

    @Test
    void givenNoDependencies_problemsOf_isEmpty() {
        assertThat(DependencyPolicy.problemsOf(manifest("weather", "1.0.0"), List.of())).isEmpty();
    }

    @Test
    void givenDependencyNotInTheCatalog_problemsOf_reportsItMissing() {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(manifest("weather", "1.0.0", GEO_1),
                catalog(plugin("maps", "1.0.0")));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.MISSING);
            assertThat(problem.plugin()).isEqualTo(PluginName.of("weather"));
            assertThat(problem.dependency()).isEqualTo(GEO_1);
            assertThat(problem.detail()).isEqualTo("needs geo ^1.0.0 but 'geo' is not in the catalog");
            assertThat(problem).hasToString(problem.detail());
        });
    }

    @Test
    void givenDependencyOfAVersionOutOfRange_problemsOf_reportsTheMismatchWithBothVersions() {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(manifest("weather", "1.0.0", GEO_1),
                catalog(plugin("geo", "2.1.0")));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.VERSION_MISMATCH);
            assertThat(problem.detail()).isEqualTo("needs geo ^1.0.0 but the catalog has geo 2.1.0");
        });
    }

    @Test
    void givenDisabledDependency_problemsOf_reportsItDisabled() {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(manifest("weather", "1.0.0", GEO_1),
                catalog(disabled("geo", "1.0.0")));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.DISABLED);
            assertThat(problem.detail()).isEqualTo("needs geo but it is disabled");
        });
    }

    @Test
    void givenSeveralBrokenDependencies_problemsOf_reportsEachInDeclarationOrder() {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(
                manifest("weather", "1.0.0", GEO_1, Dependency.of("maps", "~2.0.0"), Dependency.of("clock", "*")),
                catalog(plugin("maps", "2.1.0"), disabled("clock", "0.1.0")));

        assertThat(problems).extracting(DependencyProblem::kind).containsExactly(
                DependencyProblem.Kind.MISSING, DependencyProblem.Kind.VERSION_MISMATCH, DependencyProblem.Kind.DISABLED);
    }

    @Test
    void givenCandidateDependingOnAPluginThatDependsBackOnIt_problemsOf_reportsTheCycleWithItsPath() {
        Plugin b = plugin("b-plugin", "1.0.0", Dependency.of("a-plugin", "*"));

        List<DependencyProblem> problems = DependencyPolicy.problemsOf(
                manifest("a-plugin", "1.0.0", Dependency.of("b-plugin", "*")), catalog(b));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(DependencyProblem.Kind.CYCLE);
            assertThat(problem.plugin()).isEqualTo(PluginName.of("a-plugin"));
            assertThat(problem.dependency()).isNull();
            assertThat(problem.detail()).isEqualTo("dependency cycle: a-plugin -> b-plugin -> a-plugin");
        });
    }

    @Test
    void givenLongerCycle_problemsOf_reportsTheWholePath() {
        Plugin b = plugin("bb", "1.0.0", Dependency.of("cc", "*"));
        Plugin c = plugin("cc", "1.0.0", Dependency.of("aa", "*"));

        List<DependencyProblem> problems = DependencyPolicy.problemsOf(manifest("aa", "2.0.0", Dependency.of("bb", "*")),
                catalog(plugin("aa", "1.0.0"), b, c));

        assertThat(problems).extracting(DependencyProblem::detail).containsExactly("dependency cycle: aa -> bb -> cc -> aa");
    }

    @Test
    void givenDiamondWithoutCycle_problemsOf_isEmpty() {
        Plugin left = plugin("left", "1.0.0", Dependency.of("base", "*"));
        Plugin right = plugin("right", "1.0.0", Dependency.of("base", "*"));

        assertThat(DependencyPolicy.problemsOf(
                manifest("top", "1.0.0", Dependency.of("left", "*"), Dependency.of("right", "*")),
                catalog(left, right, plugin("base", "1.0.0")))).isEmpty();
    }

    @Test
    void givenCatalogHoldingAnOlderVersionOfTheCandidate_problemsOf_judgesTheCandidatesOwnDependencies() {
        Plugin oldWeather = plugin("weather", "1.0.0", Dependency.of("maps", "*"));

        assertThat(DependencyPolicy.problemsOf(manifest("weather", "2.0.0", GEO_1),
                catalog(oldWeather, plugin("geo", "1.0.0")))).isEmpty();
    }

    @Test
    void givenEnabledAndDisabledDependents_enabledDependentsOf_listsOnlyTheEnabledOnesSorted() {
        List<Plugin> catalog = catalog(
                plugin("zeta", "1.0.0", GEO_1),
                plugin("alpha", "1.0.0", GEO_1),
                disabled("beta", "1.0.0", GEO_1),
                plugin("other", "1.0.0", Dependency.of("maps", "*")),
                plugin("geo", "1.0.0"));

        assertThat(DependencyPolicy.enabledDependentsOf(PluginName.of("geo"), catalog))
                .containsExactly(PluginName.of("alpha"), PluginName.of("zeta"));
        assertThat(DependencyPolicy.enabledDependentsOf(PluginName.of("zeta"), catalog)).isEmpty();
    }

    @Test
    void givenProblems_unsatisfiedDependencyException_carriesThemAndJoinsTheirDetails() {
        List<DependencyProblem> problems = DependencyPolicy.problemsOf(
                manifest("weather", "1.0.0", GEO_1, Dependency.of("maps", "*")), List.of());

        UnsatisfiedDependencyException e = new UnsatisfiedDependencyException("weather", problems);

        assertThat(e.plugin()).isEqualTo("weather");
        assertThat(e.problems()).isEqualTo(problems);
        assertThat(e.getMessage()).isEqualTo("plugin weather has unsatisfied dependencies: "
                + "needs geo ^1.0.0 but 'geo' is not in the catalog; needs maps * but 'maps' is not in the catalog");
    }

    @Test
    void givenDependents_pluginInUseException_namesThemAndTheWayOut() {
        PluginInUseException e = new PluginInUseException("geo", List.of("alpha", "zeta"));

        assertThat(e.plugin()).isEqualTo("geo");
        assertThat(e.dependents()).containsExactly("alpha", "zeta");
        assertThat(e.getMessage()).contains("(alpha, zeta)").contains("disable those first");
    }
}
