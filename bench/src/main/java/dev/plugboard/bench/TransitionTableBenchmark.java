package dev.plugboard.bench;

import dev.plugboard.domain.run.RunEvent;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTransitions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The run lifecycle's transition table ({@link RunTransitions}), asked what every run move asks:
 * {@code lookup} every (status, event) pair once (35 lookups, 7 allowed), {@code allowedMove} one
 * {@code require} of a legal move (claim), and {@code isTerminal} the question run listings and the
 * executor ask of each status.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TransitionTableBenchmark {

    private static final RunStatus[] STATUSES = RunStatus.values();
    private static final RunEvent[] EVENTS = RunEvent.values();

    private RunId run;
    private int next;

    @Setup
    public void aRun() {
        run = RunId.of(UUID.randomUUID());
    }

    @Benchmark
    public void lookup(Blackhole sink) {
        for (RunStatus from : STATUSES) {
            for (RunEvent event : EVENTS) {
                Optional<RunStatus> to = RunTransitions.next(from, event);
                sink.consume(to);
            }
        }
    }

    @Benchmark
    public RunStatus allowedMove() {
        return RunTransitions.require(run, RunStatus.PENDING, RunEvent.CLAIM);
    }

    @Benchmark
    public boolean isTerminal() {
        next = (next + 1) % STATUSES.length;
        return STATUSES[next].isTerminal();
    }
}
