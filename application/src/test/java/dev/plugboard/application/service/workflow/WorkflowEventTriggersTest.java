package dev.plugboard.application.service.workflow;

import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeds' message filters of EVENT triggers: type, filterType, commandPrefix, textPattern. */
class WorkflowEventTriggersTest {

    private static boolean matches(String config, String type, String data) {
        return WorkflowEventTriggers.matches(JsonDocument.parse(config), type, JsonDocument.parse(data));
    }

    @Test
    void theEventTypeMustBeTheTriggers() {
        assertThat(matches("{\"eventType\": \"message.received\"}", "message.received", "{}")).isTrue();
        assertThat(matches("{\"eventType\": \"message.received\"}", "message.sent", "{}")).isFalse();
    }

    @Test
    void filterTypeComparesTheDataType_allMatchesAny() {
        String config = "{\"eventType\": \"m\", \"filterType\": \"photo\"}";
        assertThat(matches(config, "m", "{\"type\": \"photo\"}")).isTrue();
        assertThat(matches(config, "m", "{\"type\": \"text\"}")).isFalse();
        assertThat(matches("{\"eventType\": \"m\", \"filterType\": \"all\"}", "m", "{\"type\": \"text\"}")).isTrue();
    }

    @Test
    void commandPrefixAndTextPatternLookAtTheText() {
        String command = "{\"eventType\": \"m\", \"commandPrefix\": \"/summarize\"}";
        assertThat(matches(command, "m", "{\"text\": \"/summarize this please\"}")).isTrue();
        assertThat(matches(command, "m", "{\"text\": \"please /summarize\"}")).isFalse();
        assertThat(matches(command, "m", "{}")).isFalse();
        String pattern = "{\"eventType\": \"m\", \"textPattern\": \"(?i)invoice\\\\s+#\\\\d+\"}";
        assertThat(matches(pattern, "m", "{\"text\": \"About Invoice #42\"}")).isTrue();
        assertThat(matches(pattern, "m", "{\"text\": \"about invoices\"}")).isFalse();
    }

    @Test
    void aTextLongerThanTheLimitNeverMatchesAPattern_soAMatchCantRunAway() {
        String pattern = "{\"eventType\": \"m\", \"textPattern\": \"a\"}";
        String longText = "a".repeat(WorkflowEventTriggers.MAX_TEXT + 1);
        assertThat(matches(pattern, "m", "{\"text\": \"" + longText + "\"}")).isFalse();
    }
}
