package dev.plugboard.adapter.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What one run of the command line produced. */
public record CliResult(int exitCode, String out, String err) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Standard output parsed as JSON; fails the test if it is not JSON. */
    public JsonNode json() {
        if (out.isBlank()) {
            throw new AssertionError("stdout is empty, expected JSON; " + this);
        }
        try {
            return MAPPER.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n" + out, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
