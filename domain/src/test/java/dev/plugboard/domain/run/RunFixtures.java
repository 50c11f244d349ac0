package dev.plugboard.domain.run;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs in every state, for the run tests. */
final class RunFixtures {

    static final RunId ID = RunId.of(UUID.fromString("3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23"));
    static final Owner OWNER = Owner.user("alice");
    static final PluginName PLUGIN = PluginName.of("weather");
    static final JsonDocument INPUT = JsonDocument.of(Map.of("city", "Paris"));
    static final JsonDocument OUTPUT = JsonDocument.of(Map.of("temperature", 21));
    static final RunError TIMEOUT = new RunError("TIMEOUT", "no answer within 30 s");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-01-01T00:00:01Z");
    static final Instant T2 = Instant.parse("2025-01-01T00:00:02Z");

    private RunFixtures() {
    }

    static PluginRun pending() {
        return PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.empty(), T0);
    }

    /** A stored run in the given state, after one attempt where that makes sense. */
    static PluginRun in(RunStatus status) {
        return switch (status) {
            case PENDING -> pending();
            case PROCESSING -> pending().start(T1);
            case COMPLETED -> pending().start(T1).complete(OUTPUT, T2);
            case FAILED -> pending().start(T1).fail(TIMEOUT, T2);
            case CANCELLED -> pending().cancel(T1);
        };
    }

    /** Asks the run to move to {@code target} through the operation that leads there. */
    static PluginRun moveTo(PluginRun run, RunStatus target) {
        return switch (target) {
            case PENDING -> run.retryLater(TIMEOUT);
            case PROCESSING -> run.start(T2);
            case COMPLETED -> run.complete(OUTPUT, T2);
            case FAILED -> run.status() == RunStatus.PENDING ? run.reject(TIMEOUT, T2) : run.fail(TIMEOUT, T2);
            case CANCELLED -> run.cancel(T2);
        };
    }
}
