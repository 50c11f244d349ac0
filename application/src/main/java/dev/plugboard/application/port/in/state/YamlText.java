package dev.plugboard.application.port.in.state;

import dev.plugboard.domain.settings.JsonDocument;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A document as YAML text, the way people keep it in git: keys in order, so the same document always
 * gives the same text (a clean diff); duplicate keys refused when reading. JSON reads too, being YAML.
 * Used for the declarative state file by both the CLI and REST, so both write the same text.
 */
public final class YamlText {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Text that is not YAML; {@link #place()} names where (never the text around it, which may hold a secret). */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String place;

        Unreadable(String place) {
            super("not valid YAML" + place);
            this.place = place;
        }

        /** {@code " at line L, column C"}, or empty when the parser did not say. */
        public String place() {
            return place;
        }
    }

    private YamlText() {
    }

    public static String write(JsonDocument document) {
        return write(document, false);
    }

    /** As YAML, or as JSON with the same key order. */
    public static String write(JsonDocument document, boolean json) {
        try {
            return (json ? JSON : YAML).writeValueAsString(document.asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document the text holds; empty when it holds something else than a mapping (a list, a scalar, nothing). */
    @SuppressWarnings("unchecked")
    public static Optional<JsonDocument> read(String text) throws Unreadable {
        try {
            Object value = YAML.readValue(text, Object.class);
            return value instanceof Map<?, ?> map ? Optional.of(JsonDocument.of((Map<String, Object>) map)) : Optional.empty();
        } catch (JsonProcessingException e) {
            throw new Unreadable(e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
    }
}
