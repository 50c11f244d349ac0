package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How runs are shown: a table and a detail page for people, stable JSON objects for scripts. */
public final class RunOutput {

    private RunOutput() {
    }

    public static Map<String, Object> json(PluginRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id().toString());
        json.put("owner", run.owner().toString());
        json.put("plugin", run.plugin().value());
        json.put("trigger", run.trigger().wireName());
        json.put("status", run.status().wireName());
        json.put("attempt", run.attempt());
        json.put("input", run.input().asMap());
        json.put("output", Json.document(run.output()));
        json.put("error", run.error().map(RunOutput::error).orElse(null));
        json.put("idempotencyKey", run.idempotencyKey().orElse(null));
        json.put("createdAt", Json.time(run.createdAt()));
        json.put("startedAt", Json.time(run.startedAt()));
        json.put("completedAt", Json.time(run.completedAt()));
        json.put("availableAt", Json.time(run.availableAt()));
        json.put("lease", run.lease().map(RunOutput::lease).orElse(null));
        return json;
    }

    private static Map<String, Object> lease(Lease lease) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("holder", lease.holder());
        json.put("expiresAt", Json.time(lease.expiresAt()));
        return json;
    }

    private static Map<String, Object> error(RunError error) {
        return Map.of("code", error.code(), "message", error.message());
    }

    public static void table(List<PluginRun> runs, PrintWriter out) {
        Table table = new Table("ID", "PLUGIN", "STATUS", "TRIGGER", "ATTEMPT", "CREATED", "ERROR");
        runs.forEach(run -> table.row(run.id(), run.plugin(), run.status().wireName(), run.trigger().wireName(),
                run.attempt(), run.createdAt(), run.error().map(RunError::code)));
        table.print(out);
    }

    static void describe(PluginRun run, PrintWriter out) {
        new Table("Run:", run.id().toString())
                .row("Owner:", run.owner())
                .row("Plugin:", run.plugin())
                .row("Status:", run.status().wireName())
                .row("Trigger:", run.trigger().wireName())
                .row("Attempt:", run.attempt())
                .row("Created:", run.createdAt())
                .row("Started:", run.startedAt())
                .row("Completed:", run.completedAt())
                .row("Available at:", run.availableAt())
                .row("Lease:", run.lease().map(lease -> lease.holder() + " until " + lease.expiresAt()))
                .row("Error:", run.error())
                .row("Idempotency key:", run.idempotencyKey())
                .row("Input:", run.input().toJson())
                .row("Output:", run.output().map(Object::toString))
                .print(out);
    }
}
