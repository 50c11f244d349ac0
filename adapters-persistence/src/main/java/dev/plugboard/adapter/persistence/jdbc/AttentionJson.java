package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;

import java.util.List;
import java.util.Map;

/** The {@code installations.attention} column: NULL when no attention is needed, else the violations. */
final class AttentionJson {

    private AttentionJson() {
    }

    static String write(Attention attention) {
        if (!attention.needed()) {
            return null;
        }
        return JsonDocument.of(Map.of("violations", attention.violations().stream()
                .map(v -> Map.of("pointer", v.pointer(), "keyword", v.keyword(), "message", v.message())).toList())).toJson();
    }

    static Attention read(String json) {
        if (json == null) {
            return Attention.none();
        }
        List<?> violations = (List<?>) JsonDocument.parse(json).get("violations").orElse(List.of());
        return Attention.of(violations.stream().map(Map.class::cast)
                .map(v -> new Violation((String) v.get("pointer"), (String) v.get("keyword"), (String) v.get("message")))
                .toList());
    }
}
