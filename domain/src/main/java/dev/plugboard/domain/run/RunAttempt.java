package dev.plugboard.domain.run;

import dev.plugboard.domain.error.Require;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of a run, as its history keeps it: when it started and ended, how it ended, who ran
 * it, and (when the executor measured them) the CPU time and peak memory of the work.
 *
 * @param outcome  processing (still running), completed, failed (also when a retry followed) or cancelled
 * @param executor the server instance or {@code worker:SUB} that ran it; null when unknown
 */
public record RunAttempt(int number, String outcome, Instant startedAt, Instant endedAt, RunError error, String executor,
                         Long cpuTimeMillis, Long peakMemoryBytes) {

    public RunAttempt {
        if (number < 1) {
            throw new dev.plugboard.domain.error.InvalidValueException("attempt number", number, "must be at least 1");
        }
        Require.nonBlank("attempt outcome", outcome);
        Require.present("attempt start", startedAt);
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<RunError> failure() {
        return Optional.ofNullable(error);
    }

    public Optional<String> executedBy() {
        return Optional.ofNullable(executor);
    }
}
