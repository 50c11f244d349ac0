package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "analytics", "daily-digest", "a1", "42", "x-1-y", "web-hook-2"})
    void givenSlug_of_acceptsIt(String slug) {
        assertThat(PluginName.of(slug).value()).isEqualTo(slug);
        assertThat(PluginName.of(slug)).hasToString(slug);
    }

    @Test
    void givenTwoCharacters_of_acceptsTheShortestName() {
        assertThat(PluginName.of("ab").value()).hasSize(2);
    }

    @Test
    void givenSixtyFourCharacters_of_acceptsTheLongestName() {
        assertThat(PluginName.of("a".repeat(64)).value()).hasSize(64);
    }

    @Test
    void givenOneCharacter_of_refusesItNamingTheLength() {
        assertThatThrownBy(() -> PluginName.of("a"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plugin name");
                    assertThat(e.value()).isEqualTo("a");
                    assertThat(e.rule()).isEqualTo("must be 2 to 64 characters long (was 1)");
                });
    }

    @Test
    void givenSixtyFiveCharacters_of_refusesItNamingTheLength() {
        assertThatThrownBy(() -> PluginName.of("a".repeat(65)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).isEqualTo("must be 2 to 64 characters long (was 65)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analytics", "daily_digest", "daily--digest", "-lead", "trail-", "with space", "émoji", "a.b"})
    void givenTextThatIsNotASlug_of_refusesItWithAnExample(String text) {
        assertThatThrownBy(() -> PluginName.of(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plugin name");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).contains("lowercase letters, digits and single dashes").contains("'daily-digest'");
                });
    }

    @Test
    void givenNull_of_refusesItAsRequired() {
        assertThatThrownBy(() -> PluginName.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isNull();
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    @Test
    void givenNames_compareTo_ordersAlphabetically() {
        assertThat(Stream.of("web-hook", "analytics", "digest").map(PluginName::of).sorted().map(PluginName::value))
                .containsExactly("analytics", "digest", "web-hook");
        assertThat(PluginName.of("analytics")).isEqualTo(PluginName.of("analytics"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"circuits", "health", "sync"})
    void givenAWordOfTheRoutes_requireRegistrable_refusesItNamingTheWayOut(String word) {
        PluginName name = PluginName.of(word);

        assertThatThrownBy(name::requireRegistrable)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plugin name");
                    assertThat(e.value()).isEqualTo(word);
                    assertThat(e.rule()).contains("REST API's routes").contains("'" + word + "-plugin'");
                });
    }

    @Test
    void givenANameThatOnlyContainsARouteWord_requireRegistrable_acceptsIt() {
        assertThat(PluginName.of("circuits-plugin").requireRegistrable()).isEqualTo(PluginName.of("circuits-plugin"));
    }

    @Test
    void givenAReservedName_manifest_refusesToDescribeIt() {
        assertThatThrownBy(() -> PluginManifest.builder("sync", "1.0.0").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("sync"));
    }
}
