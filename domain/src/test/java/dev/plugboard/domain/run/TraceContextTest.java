package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a caller's W3C {@code traceparent}: a valid one is joined, an invalid one ignored. */
class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void givenAValidVersion00Header_fromHeader_givesItsTraceAndParent() {
        assertThat(TraceContext.fromHeader("00-" + TRACE + "-" + SPAN + "-01"))
                .contains(new TraceContext(TRACE, SPAN));
        assertThat(TraceContext.fromHeader(" 00-" + TRACE + "-" + SPAN + "-00 ")).as("not sampled, padded")
                .contains(new TraceContext(TRACE, SPAN));
    }

    @Test
    void givenAFutureVersionWithMoreFields_fromHeader_readsItsFirstFour() {
        assertThat(TraceContext.fromHeader("cc-" + TRACE + "-" + SPAN + "-01-what-the-future-holds"))
                .contains(new TraceContext(TRACE, SPAN));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "00-" + TRACE + "-" + SPAN, "00-" + TRACE + "-" + SPAN + "-01-extra",
            "ff-" + TRACE + "-" + SPAN + "-01", "00-00000000000000000000000000000000-" + SPAN + "-01",
            "00-" + TRACE + "-0000000000000000-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN + "-01",
            "00-" + TRACE + "0-" + SPAN + "-01", "0-" + TRACE + "-" + SPAN + "-01"})
    void givenAnInvalidHeader_fromHeader_isEmpty_soTheRunStartsItsOwnTrace(String header) {
        assertThat(TraceContext.fromHeader(header)).isEmpty();
    }

    @Test
    void givenAContext_stored_readsBackEqual() {
        TraceContext context = new TraceContext(TRACE, SPAN);

        assertThat(context.stored()).isEqualTo(TRACE + "-" + SPAN);
        assertThat(TraceContext.fromStored(context.stored())).isEqualTo(context);
    }

    @Test
    void givenAnAllZeroTraceId_construction_namesTheValue() {
        assertThatThrownBy(() -> new TraceContext("0".repeat(32), SPAN)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("trace id");
        assertThatThrownBy(() -> TraceContext.fromStored("nodash")).isInstanceOf(InvalidValueException.class);
    }
}
