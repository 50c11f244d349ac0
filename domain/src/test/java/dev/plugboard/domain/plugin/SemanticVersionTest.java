package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticVersionTest {

    @Test
    void givenFullVersion_parse_readsEveryPart() {
        SemanticVersion version = SemanticVersion.parse("1.4.2-beta.11+build.7");

        assertThat(version.major()).isEqualTo(1);
        assertThat(version.minor()).isEqualTo(4);
        assertThat(version.patch()).isEqualTo(2);
        assertThat(version.preRelease()).containsExactly("beta", "11");
        assertThat(version.build()).isEqualTo("build.7");
        assertThat(version.isPreRelease()).isTrue();
        assertThat(version).hasToString("1.4.2-beta.11+build.7");
    }

    @Test
    void givenPlainVersionWithSurroundingSpace_parse_readsItAsARelease() {
        SemanticVersion version = SemanticVersion.parse(" 2.0.10 ");

        assertThat(version).isEqualTo(SemanticVersion.of(2, 0, 10));
        assertThat(version.isPreRelease()).isFalse();
        assertThat(version.build()).isEmpty();
        assertThat(version).hasToString("2.0.10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3-01",
            "1.2.3+", "1.2.3-be$ta", "-1.2.3", "a.b.c", ""})
    void givenTextThatIsNotSemver_parse_refusesItWithAnExample(String text) {
        assertThatThrownBy(() -> SemanticVersion.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).contains("MAJOR.MINOR.PATCH").contains("'1.4.2'");
                });
    }

    @Test
    void givenNull_parse_refusesItAsRequired() {
        assertThatThrownBy(() -> SemanticVersion.parse(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).startsWith("is required"));
    }

    @Test
    void givenNegativeNumber_constructor_refusesIt() {
        assertThatThrownBy(() -> SemanticVersion.of(1, -1, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("1.-1.0");
                    assertThat(e.rule()).isEqualTo("numbers must not be negative");
                });
    }

    @Test
    void givenSemverOrgPreReleaseExample_sorting_followsSpecPrecedence() {
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        List<SemanticVersion> shuffled = new java.util.ArrayList<>(expected.stream().map(SemanticVersion::parse).toList());
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 1, 5);

        assertThat(shuffled.stream().sorted().map(SemanticVersion::toString)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "1.0.0-alpha,   1.0.0-alpha.1",
            "1.0.0-alpha.1, 1.0.0-beta",
            "1.0.0-beta,    1.0.0-rc.1",
            "1.0.0-rc.1,    1.0.0",
            "1.0.0-beta.2,  1.0.0-beta.11",
            "1.0.0-1,       1.0.0-alpha",
            "1.9.0,         1.10.0",
            "1.0.9,         1.0.10",
            "0.9.9,         1.0.0",
            "2.1.1,         10.0.0"
    })
    void givenTwoVersions_compareTo_ranksTheFirstLower(String lower, String higher) {
        assertThat(SemanticVersion.parse(lower)).isLessThan(SemanticVersion.parse(higher));
        assertThat(SemanticVersion.parse(higher)).isGreaterThan(SemanticVersion.parse(lower));
    }

    @Test
    void givenVersionsDifferingOnlyInBuildMetadata_compareTo_ranksThemEqual() {
        SemanticVersion a = SemanticVersion.parse("1.0.0+001");
        SemanticVersion b = SemanticVersion.parse("1.0.0+exp.sha.5114f85");

        assertThat(a.compareTo(b)).isZero();
        assertThat(Stream.of(a, b).map(SemanticVersion::build)).containsExactly("001", "exp.sha.5114f85");
    }

    @Test
    void givenNumericPreReleaseIdentifierOfNineteenDigits_parse_refusesIt_soNoComparisonOverflowsLater() {
        assertThat(SemanticVersion.parse("1.0.0-999999999999999999"))
                .isGreaterThan(SemanticVersion.parse("1.0.0-99999999999999999"));
        assertThatThrownBy(() -> SemanticVersion.parse("1.0.0-9999999999999999999"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).contains("MAJOR.MINOR.PATCH"));
    }

    @Test
    void givenLeadingV_parse_readsTheVersionAsNpmDoes() {
        assertThat(SemanticVersion.parse("v1.2.3")).isEqualTo(SemanticVersion.of(1, 2, 3)).hasToString("1.2.3");
    }
}
