package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionRangeTest {

    private static boolean includes(String range, String version) {
        return VersionRange.parse(range).includes(SemanticVersion.parse(version));
    }

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
            // caret: up to the next major, or minor/patch when the left parts are zero
            "^1.2.3,  1.2.3,  true",  "^1.2.3,  1.9.9,  true",  "^1.2.3,  1.2.2,  false", "^1.2.3,  2.0.0,  false",
            "^0.2.3,  0.2.9,  true",  "^0.2.3,  0.3.0,  false", "^0.0.3,  0.0.3,  true",  "^0.0.3,  0.0.4,  false",
            "^1.2,    1.2.0,  true",  "^1.2,    1.99.0, true",  "^1.2,    2.0.0,  false", "^0.0,    0.0.9,  true",
            "^0.0,    0.1.0,  false", "^1,      1.5.0,  true",  "^1,      2.0.0,  false",
            // tilde: up to the next minor
            "~1.2.3,  1.2.9,  true",  "~1.2.3,  1.3.0,  false", "~1.2.3,  1.2.2,  false", "~1.2,    1.2.0,  true",
            "~1.2,    1.3.0,  false", "~1,      1.9.0,  true",  "~1,      2.0.0,  false",
            // x-ranges and wildcards
            "1.x,     1.0.0,  true",  "1.x,     1.99.3, true",  "1.x,     2.0.0,  false", "1.2.x,   1.2.7,  true",
            "1.2.X,   1.3.0,  false", "1.*,     0.9.0,  false", "*,       0.0.1,  true",  "x,       99.0.0, true",
            "1,       1.4.0,  true",  "1.2,     1.2.5,  true",  "1.2,     1.3.0,  false",
            // exact and comparators
            "1.2.3,   1.2.3,  true",  "1.2.3,   1.2.4,  false", "=1.2.3,  1.2.3,  true",  "v1.2.3,  1.2.3,  true",
            ">1.2.3,  1.2.4,  true",  ">1.2.3,  1.2.3,  false", ">=1.2.3, 1.2.3,  true",  "<1.2.3,  1.2.2,  true",
            "<1.2.3,  1.2.3,  false", "<=1.2.3, 1.2.3,  true",  "<=1.2.3, 1.2.4,  false",
            ">1.2,    1.2.9,  false", ">1.2,    1.3.0,  true",  ">1.2,    1.3.0-beta, false", ">1,  2.0.0, true", ">1, 1.9.9, false",  "<=1.2,   1.2.9,  true",  "<=1.2,   1.3.0,  false",
            "<1.2,    1.1.9,  true",  "<1.2,    1.2.0,  false", ">=1.2,   1.2.0,  true",
            "'>=1.2.0 <2.0.0', 1.5.0, true", "'>=1.2.0 <2.0.0', 2.0.0, false", "'>=1.2.0 <2.0.0', 1.1.0, false",
            "'>= 1.2.0 < 2.0.0', 1.5.0, true",
            // hyphen ranges, inclusive at both ends; a partial upper end covers its whole range
            "'1.0.0 - 1.4.0', 1.0.0, true", "'1.0.0 - 1.4.0', 1.4.0, true", "'1.0.0 - 1.4.0', 1.4.1, false",
            "'1.0.0 - 1.4.0', 0.9.9, false", "'1.0 - 1.4', 1.4.7, true", "'1.0 - 1.4', 1.5.0, false",
            // alternatives
            "'^1.0.0 || ^3.0.0', 1.5.0, true", "'^1.0.0 || ^3.0.0', 3.1.0, true", "'^1.0.0 || ^3.0.0', 2.0.0, false",
            "'1.2.3 || >=2.0.0 <2.1.0', 2.0.5, true",
            // pre-releases
            "^1.2.3-beta.2, 1.2.3-beta.3, true", "^1.2.3-beta.2, 1.2.3-beta.1, false", ">=1.0.0-rc.1, 1.0.0, true",
            // npm: a pre-release matches only a comparator naming a pre-release of the same MAJOR.MINOR.PATCH
            "^1.2.3-beta.2, 1.2.4-beta.2, false", ">1.2.3-alpha.3, 1.2.3-alpha.7, true", ">1.2.3-alpha.3, 3.4.5-alpha.9, false",
            ">1.2.3-alpha.3, 3.4.5, true", "*, 1.0.0-rc.1, false", "'>=1.0.0 <2.0.0', 1.5.0-beta, false",
            "'1.0.0-rc.1 - 1.0.0', 1.0.0-rc.2, true", "'^1.0.0 || ^2.0.0-beta.1', 2.0.0-beta.3, true",
            "'^1.0.0 || ^2.0.0-beta.1', 1.5.0-beta.3, false",
            // ^0.x: a zero major locks the next non-zero part
            "^0.x, 0.0.1, true", "^0.x, 0.9.9, true", "^0.x, 1.0.0, false", "^0.1.x, 0.1.9, true", "^0.1.x, 0.2.0, false",
            "^0.0.x, 0.0.9, true", "^0.0.x, 0.1.0, false",
            // ~ with an operator-free partial and with a pre-release
            "~0.2.3, 0.2.9, true", "~0.2.3, 0.3.0, false", "~1.2.3-beta.2, 1.2.3-beta.4, true", "~1.2.3-beta.2, 1.2.4-beta.2, false",
            // hyphen ranges: a partial lower end fills zeros, a partial upper end covers its whole range
            "'1.2 - 2.3.4', 1.2.0, true", "'1.2 - 2.3.4', 2.3.4, true", "'1.2 - 2.3.4', 2.3.5, false", "'1.2.3 - 2', 2.9.9, true",
            "'1.2.3 - 2', 3.0.0, false",
            // alternatives
            "'<1.0.0 || >=2.0.0 <2.1.0 || 3.x', 0.5.0, true", "'<1.0.0 || >=2.0.0 <2.1.0 || 3.x', 2.1.0, false",
            "'<1.0.0 || >=2.0.0 <2.1.0 || 3.x', 3.7.1, true",
    })
    void givenRangeAndVersion_includes_followsNpmSemantics(String range, String version, boolean expected) {
        assertThat(includes(range, version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} excludes {1}")
    @CsvSource({
            "^1.0.0, 2.0.0-alpha", "^0.2.3, 0.3.0-rc.1", "~1.2.3, 1.3.0-beta", "1.x, 2.0.0-0", "<=1.2, 1.3.0-alpha",
            "'1.0.0 - 1.4', 1.5.0-rc.1", "<1.2, 1.2.0-beta"
    })
    void givenRangeWithAnImpliedUpperBound_includes_refusesPreReleasesOfThatBound(String range, String version) {
        assertThat(includes(range, version)).isFalse();
    }

    @Test
    void givenAny_includes_everyReleaseButNoPreRelease_asNpmDoes() {
        assertThat(VersionRange.any().includes(SemanticVersion.parse("0.0.1"))).isTrue();
        assertThat(VersionRange.any().includes(SemanticVersion.parse("99.0.0"))).isTrue();
        assertThat(VersionRange.any().includes(SemanticVersion.parse("0.0.1-alpha"))).isFalse();
        assertThat(VersionRange.any()).hasToString("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", ">>1.0.0", "1.2.3.4", "^", "1.0.0 ||", "|| 1.0.0", "1.0.0 - ", "~>1.2", "1.2.3 junk",
            "1.0.0 - 2.0.0 - 3.0.0", "latest", "[1.0,2.0)", "1.2.3 || junk"})
    void givenTextThatIsNotARange_parse_refusesItListingTheForms(String text) {
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("version range");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).contains("'^1.2'").contains("'~1.2.3'").contains("'||'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenBlankText_parse_refusesItAsRequired(String text) {
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).startsWith("is required"));
    }

    @Test
    void givenSurroundingSpace_parse_keepsTheStrippedTextForEqualityAndDisplay() {
        assertThat(VersionRange.parse("  ^1.2.0 ")).isEqualTo(VersionRange.parse("^1.2.0")).hasToString("^1.2.0");
        assertThat(VersionRange.parse("^1.2.0").hashCode()).isEqualTo(VersionRange.parse(" ^1.2.0").hashCode());
    }
}
