package dev.plugboard.application.port.out;

import dev.plugboard.domain.run.RunId;

import java.time.Duration;

/** Keeps what one attempt of a run used: its CPU time and peak memory, as a plugin host measured them. */
public interface AttemptUsage {

    /** Records the usage of attempt {@code attempt} of {@code run}; an attempt not (yet) stored is left alone. */
    void record(RunId run, int attempt, Duration cpu, long peakMemoryBytes);

    /** For storage that keeps no usage (embedding in memory). */
    static AttemptUsage none() {
        return (run, attempt, cpu, peakMemoryBytes) -> { };
    }
}
