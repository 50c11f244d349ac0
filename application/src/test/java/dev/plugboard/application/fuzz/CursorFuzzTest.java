package dev.plugboard.application.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plugboard.application.port.Cursor;
import dev.plugboard.domain.error.InvalidValueException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging cursor decoder on any text a client may send as {@code after}: the parts a cursor of
 * ours held (which encode back to the same cursor's parts), or a 400's {@link InvalidValueException};
 * never another exception, and never a part that PostgreSQL would refuse (a NUL character).
 */
class CursorFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void givenAnyText_decode_givesPartsThatRoundTrip_orAnInvalidValue(FuzzedDataProvider data) {
        int parts = data.consumeInt(1, 4);
        String cursor = data.consumeRemainingAsString();
        List<String> decoded;
        try {
            decoded = Cursor.decode(cursor, parts);
        } catch (InvalidValueException refused) {
            assertThat(refused.getMessage()).contains("cursor");
            return;
        }
        assertThat(decoded).hasSize(parts).allSatisfy(part -> assertThat(part).doesNotContain("\u0000"));
        assertThat(Cursor.decode(Cursor.encode(decoded.toArray(String[]::new)), parts)).isEqualTo(decoded);
        try {
            Cursor.TimeAndId.decode(cursor);
        } catch (InvalidValueException refused) {
            assertThat(refused.getMessage()).contains("cursor");
        }
    }
}
