package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationTest {

    @Test
    void givenRootPointer_displayPointerAndToString_showASlash() {
        Violation violation = new Violation("", "type", "string found, object expected");

        assertThat(violation.displayPointer()).isEqualTo("/");
        assertThat(violation).hasToString("/: string found, object expected");
    }

    @Test
    void givenViolations_sorting_ordersByPointerThenKeywordThenMessage() {
        Violation b = new Violation("/b", "type", "m");
        Violation aType = new Violation("/a", "type", "m");
        Violation aEnumY = new Violation("/a", "enum", "y");
        Violation aEnumX = new Violation("/a", "enum", "x");
        Violation root = new Violation("", "minProperties", "m");

        assertThat(Stream.of(b, aType, aEnumY, aEnumX, root).sorted().toList())
                .containsExactly(root, aEnumX, aEnumY, aType, b);
    }

    @Test
    void givenBlankKeyword_construction_isRefused() {
        assertThatThrownBy(() -> new Violation("/a", " ", "m"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("keyword"));
    }

    @Test
    void givenUnsortedViolations_settingsValidation_sortsThemAndSummarises() {
        SettingsValidation validation = new SettingsValidation("p", JsonDocument.empty(), List.of(
                new Violation("/z", "type", "wrong type"), new Violation("/a", "required", "required property 'a' not found")),
                java.util.Set.of());

        assertThat(validation.violations()).extracting(Violation::pointer).containsExactly("/a", "/z");
        assertThat(validation.summary())
                .contains("settings validation failed: /a: required property 'a' not found; /z: wrong type");
    }

    @Test
    void givenInvalidValidation_orThrow_throwsWithThePluginAndSortedViolations() {
        SettingsValidation validation = new SettingsValidation("p", JsonDocument.empty(), List.of(
                new Violation("/z", "type", "wrong type"), new Violation("/a", "minimum", "too small")), java.util.Set.of());

        assertThatThrownBy(validation::orThrow)
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("p");
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/a", "/z");
                    assertThat(e).hasMessage("settings validation failed: /a: too small; /z: wrong type");
                });
    }
}
