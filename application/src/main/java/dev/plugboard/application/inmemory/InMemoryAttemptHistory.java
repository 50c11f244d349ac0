package dev.plugboard.application.inmemory;

import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunAttempt;
import dev.plugboard.domain.run.RunId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of in-memory runs, kept as the PostgreSQL adapter keeps them: opened when a run is
 * claimed, closed with its outcome when it leaves processing. Not thread-safe: its repository guards it.
 */
final class InMemoryAttemptHistory {

    private Map<RunId, List<RunAttempt>> attempts = new HashMap<>();

    /** Follows a run's move: the stored run {@code run}, just written. */
    void follow(PluginRun run, Instant now) {
        if (run.attempt() == 0) {
            return;
        }
        List<RunAttempt> history = attempts.computeIfAbsent(run.id(), id -> new ArrayList<>());
        int last = history.size() - 1;
        switch (run.status()) {
            case PROCESSING -> {
                if (history.isEmpty() || history.get(last).number() < run.attempt()) {
                    history.add(new RunAttempt(run.attempt(), "processing", run.startedAt().orElse(now), null, null,
                            run.lease().map(Lease::holder).orElse(null), null, null));
                }
            }
            case COMPLETED -> close(history, "completed", run, now);
            case FAILED, PENDING -> close(history, "failed", run, now);
            case CANCELLED -> close(history, "cancelled", run, now);
        }
    }

    private static void close(List<RunAttempt> history, String outcome, PluginRun run, Instant now) {
        if (history.isEmpty()) {
            return;
        }
        int last = history.size() - 1;
        RunAttempt open = history.get(last);
        if (open.number() == run.attempt() && open.endedAt() == null) {
            history.set(last, new RunAttempt(open.number(), outcome, open.startedAt(), run.completedAt().orElse(now),
                    outcome.equals("completed") ? null : run.error().orElse(null), open.executor(), null, null));
        }
    }

    List<RunAttempt> of(RunId id) {
        return List.copyOf(attempts.getOrDefault(id, List.of()));
    }

    Object snapshot() {
        Map<RunId, List<RunAttempt>> copy = new HashMap<>();
        attempts.forEach((id, list) -> copy.put(id, new ArrayList<>(list)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    void restore(Object snapshot) {
        attempts = new HashMap<>();
        ((Map<RunId, List<RunAttempt>>) snapshot).forEach((id, list) -> attempts.put(id, new ArrayList<>(list)));
    }
}
