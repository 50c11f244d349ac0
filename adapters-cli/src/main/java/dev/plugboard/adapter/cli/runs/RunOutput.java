package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.application.port.in.run.QueryRunsUseCase.RunHistory;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunAttempt;
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
        json.put("environment", run.environment().name());
        return json;
    }

    /** The run with its attempts, as {@code runs show --json} prints it. */
    public static Map<String, Object> json(RunHistory history) {
        Map<String, Object> json = json(history.run());
        json.put("attempts", history.attempts().stream().map(RunOutput::attempt).toList());
        return json;
    }

    private static Map<String, Object> attempt(RunAttempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", attempt.number());
        json.put("outcome", attempt.outcome());
        json.put("startedAt", Json.time(attempt.startedAt()));
        json.put("endedAt", Json.time(attempt.ended()));
        json.put("error", attempt.failure().map(RunOutput::error).orElse(null));
        json.put("executor", attempt.executedBy().orElse(null));
        json.put("cpuTimeMillis", attempt.cpuTimeMillis());
        json.put("peakMemoryBytes", attempt.peakMemoryBytes());
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

    /** The run's detail page, then a table of its attempts. */
    static void describe(RunHistory history, PrintWriter out) {
        describe(history.run(), out);
        if (history.attempts().isEmpty()) {
            out.println("Attempts: none");
            return;
        }
        out.println("Attempts:");
        Table table = new Table("#", "OUTCOME", "STARTED", "ENDED", "EXECUTOR", "CPU MS", "PEAK MEMORY", "ERROR");
        history.attempts().forEach(attempt -> table.row(attempt.number(), attempt.outcome(), attempt.startedAt(),
                attempt.ended(), attempt.executedBy(), attempt.cpuTimeMillis() == null ? "-" : attempt.cpuTimeMillis(),
                attempt.peakMemoryBytes() == null ? "-" : attempt.peakMemoryBytes(), attempt.failure()));
        table.print(out);
    }

    static void describe(PluginRun run, PrintWriter out) {
        new Table("Run:", run.id().toString())
                .row("Owner:", run.owner())
                .row("Plugin:", run.plugin())
                .row("Status:", run.status().wireName())
                .row("Trigger:", run.trigger().wireName())
                .row("Environment:", run.environment().name())
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
