package dev.plugboard.bootstrap.durability;

import dev.plugboard.bootstrap.durability.ServerResources.Sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How much a server's resources may grow once it is warm (after the first fifth of a soak: minute 2
 * of 10), over the first sample after the warm-up. A leak of one object, thread, descriptor or
 * connection per request or per user passes these within minutes; noise (JIT compiler threads that
 * come and go, a GC's leftovers, connections of the last round's clients) stays under them.
 */
final class Bounds {

    static final long HEAP_GROWTH_KB = 16 * 1024;
    static final long THREAD_GROWTH = 8;
    static final long FILE_DESCRIPTOR_GROWTH = 32;
    static final long CONNECTION_GROWTH = 2;

    private Bounds() {
    }

    /** The baseline, the largest value after it of each resource, and what grew past its bound. */
    record Verdict(Sample baseline, Sample largest, List<String> excesses) {
        @Override
        public String toString() {
            return "baseline " + baseline + ", largest after it " + largest + ", over: " + excesses;
        }
    }

    static Verdict judge(List<Sample> samples, Duration warmUp) {
        List<Sample> warm = samples.stream().filter(sample -> sample.at().compareTo(warmUp) >= 0).toList();
        if (warm.size() < 2) {
            throw new AssertionError("fewer than two samples after the warm-up of " + warmUp + ": " + samples);
        }
        Sample baseline = warm.get(0);
        List<Sample> later = warm.subList(1, warm.size());
        Sample largest = new Sample(later.get(later.size() - 1).at(), max(later, Sample::heapAfterGcKb),
                (int) max(later, Sample::threads), (int) max(later, Sample::fileDescriptors),
                (int) max(later, Sample::databaseConnections), later.get(later.size() - 1).writes());
        List<String> excesses = new ArrayList<>();
        over(excesses, "heap after GC (KB)", baseline.heapAfterGcKb(), largest.heapAfterGcKb(), HEAP_GROWTH_KB);
        over(excesses, "live threads", baseline.threads(), largest.threads(), THREAD_GROWTH);
        over(excesses, "open file descriptors", baseline.fileDescriptors(), largest.fileDescriptors(), FILE_DESCRIPTOR_GROWTH);
        over(excesses, "database connections", baseline.databaseConnections(), largest.databaseConnections(), CONNECTION_GROWTH);
        return new Verdict(baseline, largest, excesses);
    }

    private static long max(List<Sample> samples, ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElseThrow();
    }

    private static void over(List<String> excesses, String what, long baseline, long largest, long bound) {
        if (largest - baseline > bound) {
            excesses.add(what + " grew from " + baseline + " to " + largest + ", more than " + bound);
        }
    }
}
