package dev.plugboard.adapter.cli.circuits;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.circuit.Circuit;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How circuits are shown: a table for people, the REST API's fields for scripts. */
final class CircuitOutput {

    private CircuitOutput() {
    }

    static Map<String, Object> json(Circuit circuit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("owner", circuit.owner().toString());
        json.put("plugin", circuit.plugin().value());
        json.put("state", circuit.state().wireName());
        json.put("consecutiveFailures", circuit.consecutiveFailures());
        json.put("trialsInFlight", circuit.trialsInFlight());
        json.put("openUntil", Json.time(circuit.openUntil()));
        json.put("successes", circuit.successes());
        json.put("failures", circuit.failures());
        json.put("rejections", circuit.rejections());
        json.put("lastFailureAt", Json.time(circuit.lastFailureAt()));
        json.put("updatedAt", Json.time(circuit.updatedAt()));
        return json;
    }

    static void table(List<Circuit> circuits, PrintWriter out) {
        Table table = new Table("PLUGIN", "STATE", "FAILING", "OPEN UNTIL", "OK", "FAILED", "REJECTED", "LAST FAILURE");
        circuits.forEach(c -> table.row(c.plugin(), c.state().wireName(), c.consecutiveFailures(), c.openUntil(),
                c.successes(), c.failures(), c.rejections(), c.lastFailureAt()));
        table.print(out);
    }
}
