package dev.plugboard.adapter.cli.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The state file in YAML: written with keys in order, so the same state always gives the same
 * text (a clean diff in git); read from a file or standard input ({@code -}). A syntax error names
 * its place only, never the text around it.
 */
final class StateYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private StateYaml() {
    }

    static String write(JsonDocument state) {
        try {
            return YAML.writeValueAsString(state.asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static JsonDocument read(String source) {
        String where = "-".equals(source) ? "standard input" : "'" + source + "'";
        try {
            String text = "-".equals(source) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
            Object value = YAML.readValue(text, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                throw new CliFailure(ExitCode.USAGE, "state file " + where + " is not a state document; write one with"
                        + " `plugboard export > state.yaml`");
            }
            return JsonDocument.of((Map<String, Object>) map);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " does not exist (looked in "
                    + Path.of(source).toAbsolutePath().normalize() + ")");
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " is not valid YAML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " can't be read: " + e.getMessage());
        }
    }
}
