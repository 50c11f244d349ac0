package dev.plugboard.bench;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of the hot-code benchmarks: the 10-field schema of {@code bench/run.sh}'s settings
 * {@code PUT} (P2, {@code http/BenchClient}), with its {@code url} marked {@code writeOnly} so that the
 * secret walk has a secret to find, plugin defaults for two fields, and documents whose values rotate
 * as the P2 load's do.
 */
public final class SettingsFixture {

    public static final String SCHEMA = """
            {"type": "object", "additionalProperties": false,
             "properties": {
               "label": {"type": "string", "maxLength": 200},
               "count": {"type": "integer", "minimum": 0, "maximum": 100000},
               "ratio": {"type": "number", "minimum": 0, "maximum": 1},
               "enabled": {"type": "boolean"},
               "mode": {"type": "string", "enum": ["fast", "safe", "off"]},
               "url": {"type": "string", "pattern": "^https?://", "writeOnly": true},
               "email": {"type": "string", "maxLength": 200},
               "retries": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
               "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
               "window": {"type": "object", "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}}}
             }}""";

    /** How many different documents a benchmark cycles through (a power of two). */
    public static final int ROTATION = 16;

    private SettingsFixture() {
    }

    public static SettingsSpec spec() {
        return new SettingsSpec("bench-0000", "1.0.0", JsonDocument.parse(SCHEMA),
                JsonDocument.parse("{\"mode\": \"safe\", \"enabled\": true}"));
    }

    /** Ten fields, all valid; {@code n} rotates the values. */
    public static JsonDocument valid(int n) {
        return JsonDocument.parse("""
                {"label": "owner 7 value %d", "count": %d, "ratio": %s, "enabled": %b, "mode": "%s",
                 "url": "https://example.test/hook/%d", "email": "owner7@example.test", "retries": %d,
                 "tags": ["a%d", "b"], "window": {"from": %d, "to": 23}}""".formatted(
                n, n % 1000, (n % 100) / 100.0, n % 2 == 0, List.of("fast", "safe", "off").get(n % 3),
                n, n % 10, n % 5, n % 24));
    }

    /** Ten fields, four of them wrong (out of range, not in the enum, a bad pattern, one too many tags) and one extra. */
    public static JsonDocument invalid(int n) {
        return JsonDocument.parse("""
                {"label": "owner 7 value %d", "count": -%d, "ratio": 0.5, "enabled": true, "mode": "slow",
                 "url": "ftp://example.test/hook/%d", "email": "owner7@example.test", "retries": 3,
                 "tags": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"], "window": {"from": 1, "to": 23},
                 "colour": "blue"}""".formatted(n, n + 1, n));
    }

    public static List<JsonDocument> rotation(boolean valid) {
        List<JsonDocument> documents = new ArrayList<>();
        for (int n = 0; n < ROTATION; n++) {
            documents.add(valid ? valid(n) : invalid(n));
        }
        return List.copyOf(documents);
    }
}
