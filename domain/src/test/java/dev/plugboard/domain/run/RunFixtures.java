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

    static final Lease LEASE = new Lease("executor-1", Instant.parse("2025-01-01T00:01:00Z"));

    static PluginRun pending() {
        return PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.empty(), T0);
    }

    /** A stored run in the given state, after one attempt where that makes sense. */
    static PluginRun in(RunStatus status) {
        return switch (status) {
            case PENDING -> pending();
            case PROCESSING -> pending().claim(LEASE, T1);
            case COMPLETED -> pending().claim(LEASE, T1).complete(OUTPUT, T2);
            case FAILED -> pending().claim(LEASE, T1).fail(TIMEOUT, T2);
            case CANCELLED -> pending().cancel(T1);
        };
    }

    /** Tells the run that {@code event} happened, through the operation for it. */
    static PluginRun apply(PluginRun run, RunEvent event) {
        return switch (event) {
            case CLAIM -> run.claim(LEASE, T2);
            case COMPLETE -> run.complete(OUTPUT, T2);
            case FAIL -> run.fail(TIMEOUT, T2);
            case REJECT -> run.reject(TIMEOUT, T2);
            case RETRY -> run.retryLater(TIMEOUT, T2);
            case CANCEL -> run.cancel(T2);
        };
    }
}
