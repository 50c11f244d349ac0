package dev.plugboard.adapter.console.form;

import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FormReaderTest {

    private static final Map<String, Object> SCHEMA = JsonDocument.parse("""
            {"type": "object", "properties": {
              "url": {"type": "string"}, "note": {"type": "string"},
              "on": {"type": "boolean"}, "off": {"type": "boolean"},
              "retries": {"type": "integer"}, "ratio": {"type": "number"}, "bad": {"type": "integer"},
              "token": {"type": "string", "writeOnly": true}, "kept": {"type": "string", "writeOnly": true},
              "cleared": {"type": "string", "writeOnly": true},
              "limits": {"type": "object", "properties": {"rate": {"type": "integer"}}},
              "ports": {"type": "array", "items": {"type": "integer"}}
            }}""").asMap();

    @Test
    void givenASubmittedForm_patch_typesValuesRemovesEmptiedFieldsAndFollowsSecretActions() {
        Map<String, Object> body = new HashMap<>();
        body.put("/url", " https://x.example ");
        body.put("/note", "");
        body.put("/on", "true");
        body.put("/retries", "3");
        body.put("/ratio", "0.5");
        body.put("/bad", "three");
        body.put("/token", "new-secret-value");
        body.put("/kept", "");
        body.put("action:/kept", "keep");
        body.put("/cleared", "");
        body.put("action:/cleared", "clear");
        body.put("/limits/rate", "7");
        body.put("/ports", Arrays.asList("80", "", "443"));
        body.put("_csrf", "token");

        Map<String, Object> patch = new FormReader(FormReader.multiValues(body)).patch(SCHEMA);

        assertThat(patch).contains(entry("url", "https://x.example"), entry("on", true), entry("off", false),
                entry("retries", 3L), entry("ratio", new BigDecimal("0.5")), entry("bad", "three"),
                entry("token", "new-secret-value"), entry("limits", Map.of("rate", 7L)), entry("ports", List.of(80L, 443L)));
        assertThat(patch).containsEntry("note", null).containsEntry("cleared", null);
        assertThat(patch).as("a kept secret is left out, so the stored one stays").doesNotContainKey("kept");
    }

    @Test
    void givenASubmittedForm_typed_keepsWhatEachFieldShowedButNoFormControls() {
        Map<String, Object> body = Map.of("/bad", "three", "_csrf", "t", "version", "4");

        assertThat(new FormReader(FormReader.multiValues(body)).typed()).containsOnlyKeys("/bad");
    }
}
