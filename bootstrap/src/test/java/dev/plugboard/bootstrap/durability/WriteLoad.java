package dev.plugboard.bootstrap.durability;

import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several {@link Writer}s at once, each a user and a thread of its own, against one server. */
final class WriteLoad {

    private final List<Writer> writers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    WriteLoad(ApiTarget server, List<String> catalog, int writerCount, long seed) {
        ApiClient api = new ApiClient(server);
        for (int i = 0; i < writerCount; i++) {
            writers.add(new Writer(api, seed * 31 + i, catalog, acknowledged, stop));
        }
    }

    /**
     * Registers {@code count} external plugins (their runs wait for a worker, so nothing executes)
     * that subscribe to {@link Writer#EVENT} and have an {@code endpoint} setting; returns their names.
     */
    static List<String> registerPlugins(ApiTarget server, String prefix, int count) {
        ApiClient api = new ApiClient(server);
        Who admin = Who.newAdmin();
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            String name = prefix + "-" + i;
            ContractPlugins.register(api, admin, ContractPlugins.external(name, Writer.EVENT));
            return name;
        }).toList();
    }

    WriteLoad start() {
        for (Writer writer : writers) {
            Thread thread = new Thread(writer, "writer-" + writer.who.user());
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Waits until {@code count} writes were acknowledged in all (fails after {@code timeout}). */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < count) {
            assertThat(System.nanoTime()).as("%d writes acknowledged in %s; writers: %s", count, timeout, endings())
                    .isLessThan(deadline);
            assertThat(threads.stream().anyMatch(Thread::isAlive)).as("writers still writing: %s", endings()).isTrue();
            Thread.sleep(5);
        }
    }

    /** Waits for every writer to end: by itself (no answer, a 503) or, after {@code grace}, told to. */
    void awaitEnd(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    List<Writer> writers() {
        return List.copyOf(writers);
    }

    List<String> endings() {
        return writers.stream().map(writer -> writer.ending).toList();
    }
}
