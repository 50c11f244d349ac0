package dev.plugboard.adapter.console.installation;

import dev.plugboard.adapter.console.form.FormReader;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class OverridePatchTest {

    private static final Map<String, Object> SCHEMA = JsonDocument.parse("""
            {"type": "object", "properties": {
              "region": {"type": "string"}, "batch": {"type": "integer"}, "mode": {"type": "string"},
              "note": {"type": "string"}, "on": {"type": "boolean"}, "tags": {"type": "array", "items": {"type": "string"}},
              "apiKey": {"type": "string", "writeOnly": true}, "token": {"type": "string", "writeOnly": true},
              "limits": {"type": "object", "properties": {"rate": {"type": "integer"}, "burst": {"type": "integer"}}}
            }}""").asMap();
    private static final Map<String, Object> BASE = JsonDocument.parse("""
            {"region": "eu", "batch": 10, "mode": "fast", "note": "n", "apiKey": "(set)", "limits": {"rate": 5, "burst": 7}}
            """).asMap();
    private static final Map<String, Object> OVERRIDE = JsonDocument.parse("""
            {"mode": "slow", "note": "staging note", "limits": {"burst": 9}}""").asMap();

    @Test
    void givenTheMergedFormEdited_of_keepsOnlyWhatDiffersFromTheBaseOrIsOverridden_andResetsAndEmptiedOverridesToNull() {
        Map<String, Object> body = new HashMap<>();
        body.put("/region", "eu");            // as the base: stays out
        body.put("/batch", "50");             // changed: enters
        body.put("/mode", "slow");            // overridden, untouched: kept
        body.put("/note", "");                // overridden, emptied: back to the base
        body.put("/apiKey", "");              // a secret left blank: kept as it is
        body.put("/token", "t0k3n");          // a secret typed: enters
        body.put("/limits/rate", "5");        // nested, as the base: stays out
        body.put("/limits/burst", "9");
        body.put(OverridePatch.RESET + "/limits/burst", "true");  // ticked: back to the base
        Map<String, List<String>> form = FormReader.multiValues(body);

        Map<String, Object> patch = OverridePatch.of(new FormReader(form).patch(SCHEMA), BASE, OVERRIDE,
                OverridePatch.resets(form));

        Map<String, Object> limits = new HashMap<>();
        limits.put("burst", null);
        assertThat(patch).containsOnly(entry("batch", 50L), entry("mode", "slow"), entry("note", null),
                entry("token", "t0k3n"), entry("limits", limits));
    }

    @Test
    void givenASwitchOffAndAnEmptyListTheBaseLeavesOut_of_leavesThemOutOfTheOverride() {
        Map<String, List<String>> form = FormReader.multiValues(Map.of("/region", "eu", "/batch", "10"));

        Map<String, Object> patch = OverridePatch.of(new FormReader(form).patch(SCHEMA), BASE, Map.of(), Set.of());

        assertThat(patch).isEmpty();
    }
}
