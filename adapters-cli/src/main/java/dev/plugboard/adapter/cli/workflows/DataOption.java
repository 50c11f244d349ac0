package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.JsonInput;
import dev.plugboard.domain.settings.JsonDocument;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code --data}: the trigger data of a manual or test run, a JSON object inline, from a file or from stdin. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "@FILE|@-|JSON",
            description = "Trigger data, a JSON object: @FILE reads a file, @- standard input, anything else is the"
                    + " JSON itself. Templates read it as trigger.data. Default: {}.")
    private String data;

    public Map<String, Object> triggerData() {
        if (data == null) {
            return Map.of();
        }
        JsonDocument document = data.startsWith("@")
                ? JsonInput.read("trigger data", data.equals("@-") ? JsonInput.STDIN : data.substring(1))
                : JsonDocument.parse(data);
        return document.asMap();
    }
}
