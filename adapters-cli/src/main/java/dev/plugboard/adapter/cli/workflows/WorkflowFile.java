package dev.plugboard.adapter.cli.workflows;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.adapter.cli.support.JsonInput;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a workflow document from the file {@code -f} names, or standard input for {@code -f -}: YAML
 * or JSON (JSON is YAML), in the REST API's form. A syntax error is reported with its line and
 * column, never with the text around it, which may hold a secret.
 */
final class WorkflowFile {

    static final String STDIN = JsonInput.STDIN;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    // JSON is read as JSON, not as YAML: YAML refuses the tabs JSON files are often indented with.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private WorkflowFile() {
    }

    static Map<String, Object> read(String source) {
        String where = STDIN.equals(source) ? "standard input" : "'" + source + "'";
        String text;
        try {
            text = STDIN.equals(source) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.USAGE, "workflow file " + where + " does not exist (looked in "
                    + Path.of(source).toAbsolutePath().normalize() + "); give a YAML or JSON file, or - for standard input");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "workflow file " + where + " can't be read: " + e.getMessage());
        }
        Object value;
        try {
            value = (text.stripLeading().startsWith("{") ? JSON : YAML).readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCode.USAGE, "workflow file " + where + " is not valid " + (text.stripLeading().startsWith("{") ? "JSON" : "YAML") + ": "
                    + problem(e));
        }
        if (value == null) {
            throw new CliFailure(ExitCode.USAGE, "workflow file " + where + " is empty; write a workflow with name,"
                    + " slug, triggerType and steps (see examples/workflows/)");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CliFailure(ExitCode.USAGE, "workflow file " + where + " holds a " + kind(value)
                    + "; a workflow is a mapping with name, slug, triggerType and steps");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        map.forEach((key, field) -> document.put(String.valueOf(key), field));
        return document;
    }

    /** The parser's reason and position, without the excerpt of the file that SnakeYAML adds. */
    private static String problem(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return yaml.getProblem() + " at line " + (yaml.getProblemMark().getLine() + 1) + ", column "
                        + (yaml.getProblemMark().getColumn() + 1);
            }
        }
        JsonLocation at = e.getLocation();
        String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
        return at == null ? reason : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String kind(Object value) {
        return value instanceof Iterable<?> ? "list" : value instanceof String ? "text" : "single value";
    }
}
