package dev.plugboard.bootstrap.durability;

import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.durability.ServerResources.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource stability (issue 15, part 7), not part of the normal build: {@code ./mvnw -B -Psoak -pl bootstrap -am verify}.
 * A real {@code serve} process takes a mixed load for {@code soak.minutes} (10): rounds of
 * {@link Writer}s (new users each minute) and a reader. Every {@code soak.sample-seconds} (30)
 * the server's heap after a full GC, live threads, open file descriptors and PostgreSQL connections
 * are sampled. After the warm-up (the first fifth: minute 2 of 10), none may grow past {@link Bounds}
 * over the first sample after it. The figures go to {@code soak.report} when set (the
 * profile sets {@code docs/benchmarks/soak.md}).
 */
class ResourceStabilitySoak {

    private static final int WRITERS = 6;
    private static final Duration ROUND = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void givenMixedLoadForMinutes_heapThreadsFileDescriptorsAndConnections_stayWithinBoundsAfterWarmUp() throws Exception {
        Duration duration = Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60));
        Duration interval = Duration.ofSeconds(Long.getLong("soak.sample-seconds", Math.min(30, duration.toSeconds() / 10)));
        long seed = Long.getLong("soak.seed", new Random().nextLong());
        System.out.println("ResourceStabilitySoak: " + duration + ", a sample every " + interval + ", seed " + seed);
        Path data = folder.resolve("data");
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        // Idle connections of the previous round's clients close within seconds, so descriptors measure the server.
        try (ServeProcess server = ServeProcess.start(folder.resolve("serve"), data, Map.of("PLUGBOARD_HTTP_IDLE_TIMEOUT", "5s"));
             ServerResources resources = new ServerResources(server.pid(), data)) {
            List<String> catalog = WriteLoad.registerPlugins(server, "soak", 12);
            Thread reader = new Thread(() -> read(new ApiClient(server), reads, stop), "soak-reader");
            reader.start();
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            AtomicReference<WriteLoad> current = new AtomicReference<>();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    samples.add(resources.sample(Duration.ofNanos(System.nanoTime() - start), writes.get() + acknowledged(current.get())));
                } catch (Exception e) {
                    throw new IllegalStateException("sampling failed", e);
                }
            }, 0, interval.toSeconds(), TimeUnit.SECONDS);
            for (int round = 0; System.nanoTime() - start < duration.toNanos(); round++) {
                WriteLoad load = new WriteLoad(server, catalog, WRITERS, seed + round).start();
                current.set(load);
                Duration left = duration.minusNanos(System.nanoTime() - start);
                load.awaitEnd(left.compareTo(ROUND) < 0 ? left : ROUND);
                current.set(null);
                writes.addAndGet(load.acknowledged());
                assertThat(load.endings()).as("every writer wrote until told to stop").allMatch("stopped"::equals);
            }
            stop.set(true);
            reader.join(30_000);
            sampler.shutdown();
            assertThat(sampler.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            samples.add(resources.sample(Duration.ofNanos(System.nanoTime() - start), writes.get()));
        }
        // A sampling that threw stops the schedule: too few samples say so.
        assertThat(samples).as("a sample every " + interval).hasSizeGreaterThan((int) (duration.toSeconds() / interval.toSeconds()));
        Bounds.Verdict verdict = Bounds.judge(List.copyOf(samples), duration.dividedBy(5));
        SoakReport.write(duration, interval, seed, writes.get(), reads.get(), samples, verdict);
        assertThat(verdict.excesses()).as("resources grown past their bounds after the warm-up:\n" + verdict).isEmpty();
    }

    private static int acknowledged(WriteLoad load) {
        return load == null ? 0 : load.acknowledged();
    }

    /** Reads as a user would between writes: the catalog, and their own installations and runs. */
    private static void read(ApiClient api, AtomicInteger reads, AtomicBoolean stop) {
        Who reader = Who.newUser("soak-reader");
        String[] paths = {"/api/plugins?limit=50", "/api/user/plugins", "/api/user/runs?limit=50", "/api/user/workflows"};
        for (int i = 0; !stop.get(); i++) {
            if (api.get(paths[i % paths.length], reader).status() == 200) {
                reads.incrementAndGet();
            }
        }
    }
}
