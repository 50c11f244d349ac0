package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's small value types: status and trigger names on the wire, run ids, run errors. */
class RunValuesTest {

    @ParameterizedTest
    @CsvSource({"pending, PENDING", "PROCESSING, PROCESSING", " Completed , COMPLETED", "failed, FAILED", "cancelled, CANCELLED"})
    void givenWireName_fromWire_findsTheStatusIgnoringCaseAndSpace(String text, RunStatus expected) {
        assertThat(RunStatus.fromWire(text)).isEqualTo(expected);
        assertThat(expected.wireName()).isEqualTo(expected.name().toLowerCase());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "running", "canceled", "done"})
    void givenUnknownName_fromWire_refusesItListingTheStatuses(String text) {
        assertThatThrownBy(() -> RunStatus.fromWire(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("run status");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).isEqualTo("use one of [pending, processing, completed, failed, cancelled]");
                });
    }

    @Test
    void givenWireNames_triggerFromWire_roundTripsAndRefusesUnknownOnes() {
        for (RunTrigger trigger : RunTrigger.values()) {
            assertThat(RunTrigger.fromWire(trigger.wireName())).isEqualTo(trigger);
        }
        assertThat(RunTrigger.WORKFLOW_STEP.wireName()).isEqualTo("workflow_step");
        assertThatThrownBy(() -> RunTrigger.fromWire("cron"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).isEqualTo("use one of [manual, event, schedule, workflow_step]"));
    }

    @Test
    void givenUuidText_parse_roundTripsThroughToString() {
        UUID uuid = UUID.randomUUID();

        assertThat(RunId.parse(" " + uuid + " ")).isEqualTo(RunId.of(uuid));
        assertThat(RunId.parse(uuid.toString())).hasToString(uuid.toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not-a-uuid", "1234"})
    void givenTextThatIsNotAUuid_parse_refusesItWithAnExample(String text) {
        assertThatThrownBy(() -> RunId.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("run id");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).startsWith("must be a UUID");
                });
    }

    @Test
    void givenBlankMessage_runError_usesTheCodeAsMessage() {
        assertThat(new RunError("TIMEOUT", " ").message()).isEqualTo("TIMEOUT");
        assertThat(new RunError("TIMEOUT", null)).hasToString("TIMEOUT: TIMEOUT");
    }

    @Test
    void givenVeryLongMessage_runError_truncatesItTo4000Characters() {
        assertThat(new RunError("BOOM", "x".repeat(5000)).message()).hasSize(4000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "1ERROR", "TIME OUT", "TIME-OUT"})
    void givenCodeNotInUpperSnakeCase_runError_refusesIt(String code) {
        assertThatThrownBy(() -> new RunError(code, "m"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("error code");
                    assertThat(e.value()).isEqualTo(code);
                    assertThat(e.rule()).contains("UPPER_SNAKE_CASE");
                });
    }
}
