package dev.plugboard.domain.error;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class InvalidValueExceptionTest {

    @Test
    void givenFieldValueAndRule_exception_carriesEachAndSaysThemInOneSentence() {
        InvalidValueException e = new InvalidValueException("plugin name", "Bad Name", "use lowercase letters");

        assertThat(e.field()).isEqualTo("plugin name");
        assertThat(e.value()).isEqualTo("Bad Name");
        assertThat(e.rule()).isEqualTo("use lowercase letters");
        assertThat(e).hasMessage("invalid plugin name 'Bad Name': use lowercase letters");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.details()).containsExactly(
                entry("field", "plugin name"), entry("value", "Bad Name"), entry("rule", "use lowercase letters"));
    }

    @Test
    void givenMissingValue_exception_saysMissingAndKeepsANullValue() {
        InvalidValueException e = new InvalidValueException("owner", null, "is required");

        assertThat(e.value()).isNull();
        assertThat(e).hasMessage("invalid owner (missing): is required");
        assertThat(e.details()).containsEntry("value", null);
    }

    @Test
    void givenNonStringValue_exception_keepsItsTextForm() {
        assertThat(new InvalidValueException("retry maxAttempts", 42, "must be 1 to 20").value()).isEqualTo("42");
    }

    @Test
    void givenVeryLongValue_exception_abbreviatesTheMessageButKeepsTheWholeValue() {
        String value = "v".repeat(200);

        InvalidValueException e = new InvalidValueException("description", value, "too long");

        assertThat(e.value()).isEqualTo(value);
        assertThat(e.getMessage()).isEqualTo("invalid description '" + "v".repeat(77) + "...': too long");
    }

    @Test
    void givenDomainException_stackTrace_isNotCapturedBecauseItIsAnAnswerNotACrash() {
        assertThat(new InvalidValueException("a", "b", "c").getStackTrace()).isEmpty();
    }

    @Test
    void givenBlankText_requireNonBlank_throwsNamingTheFieldAndStripsOtherwise() {
        assertThat(Require.nonBlank("display name", "  Weather ")).isEqualTo("Weather");
        assertThatThrownBy(() -> Require.nonBlank("display name", " \t"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("display name");
                    assertThat(e.rule()).isEqualTo("must not be blank");
                });
    }

    @Test
    void givenTextOutsideTheBounds_requireLength_countsCodePoints() {
        assertThat(Require.length("tag", "😀😀", 2, 2)).isEqualTo("😀😀");
        assertThatThrownBy(() -> Require.length("tag", "😀", 2, 30))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).isEqualTo("must be 2 to 30 characters long (was 1)"));
    }

    @Test
    void givenRuleBroken_requireMatchesAndNotNegative_throwWithTheExplanation() {
        assertThatThrownBy(() -> Require.matches("code", "abc", Pattern.compile("^[A-Z]+$"), "use capitals"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("abc");
                    assertThat(e.rule()).isEqualTo("use capitals");
                });
        assertThatThrownBy(() -> Require.notNegative("version", -3))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("-3");
                    assertThat(e.rule()).isEqualTo("must not be negative");
                });
    }

    @Test
    void givenStaleVersion_concurrencyConflict_carriesAggregateIdAndVersion() {
        ConcurrencyConflictException e = new ConcurrencyConflictException("installation", "42", 3);

        assertThat(e.aggregate()).isEqualTo("installation");
        assertThat(e.id()).isEqualTo("42");
        assertThat(e.expectedVersion()).isEqualTo(3);
        assertThat(e.kind()).isEqualTo(ErrorKind.CONCURRENCY);
        assertThat(e.getMessage()).contains("installation 42").contains("version 3");
    }
}
