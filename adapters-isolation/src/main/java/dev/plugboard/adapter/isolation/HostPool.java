package dev.plugboard.adapter.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The warm hosts of one plugin: at most {@code execution.hosts} at once, reused across runs,
 * replaced when they die or are killed, stopped when idle too long.
 */
final class HostPool {

    private final PluginPackage pkg;
    private final IsolationSettings settings;
    private final Semaphore slots;
    private final Deque<PluginHost> idle = new ArrayDeque<>();
    private final Set<PluginHost> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** The hooks its handler overrides, once a host said so; null before the first host started. */
    private volatile Set<String> hooks;
    // For the meters: JVMs started, and hosts killed after a bad run (a timeout, a crash) to be replaced.
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong discarded = new java.util.concurrent.atomic.AtomicLong();

    HostPool(PluginPackage pkg, IsolationSettings settings) {
        this.pkg = pkg;
        this.settings = settings;
        this.slots = new Semaphore(pkg.hosts(), true);
    }

    /** A live host for one run, started if none is idle; waits while every host is busy. */
    PluginHost acquire() throws InterruptedException, HostFailure {
        slots.acquire();
        try {
            PluginHost host;
            synchronized (idle) {
                host = idle.pollFirst();
                while (host != null && !host.usable()) {
                    all.remove(host);
                    host = idle.pollFirst();
                }
            }
            if (host == null) {
                host = PluginHost.start(pkg, settings.startTimeout());
                hooks = host.hooks();
                started.incrementAndGet();
                all.add(host);
            }
            if (closed) {
                host.kill();
                throw new HostFailure("HOST_START_FAILED", "the server is stopping", true);
            }
            return host;
        } catch (InterruptedException | HostFailure | RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Gives a host back after its run: kept warm if it is healthy, otherwise killed (a fresh one replaces it). */
    void release(PluginHost host, boolean healthy) {
        host.endRun();
        if (healthy && host.usable() && !closed) {
            synchronized (idle) {
                idle.addFirst(host);
            }
        } else {
            if (!closed) {
                discarded.incrementAndGet();
            }
            host.kill();
            // Its slot frees only once the process is gone, so hosts never exceed execution.hosts.
            host.waitFor(java.time.Duration.ofSeconds(2));
            all.remove(host);
        }
        slots.release();
    }

    /** The lifecycle hooks the plugin's handler overrides; empty until a host has started and said so. */
    java.util.Optional<Set<String>> hooks() {
        return java.util.Optional.ofNullable(hooks);
    }

    long started() {
        return started.get();
    }

    long discarded() {
        return discarded.get();
    }

    /** Starts one host ahead of the first run, so it does not pay for a JVM start. */
    void warmUp() {
        try {
            release(acquire(), true);
        } catch (HostFailure e) {
            LoggerFactory.getLogger(HostPool.class).warn("plugin " + pkg.plugin() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the hosts idle since before {@code cutoff}. */
    void stopIdleSince(Instant cutoff) {
        List<PluginHost> stale = new ArrayList<>();
        synchronized (idle) {
            idle.removeIf(host -> {
                boolean old = host.idleSince().isBefore(cutoff) || !host.usable();
                if (old) {
                    stale.add(host);
                }
                return old;
            });
        }
        stale.forEach(host -> {
            all.remove(host);
            host.stop();
        });
    }

    int live() {
        return (int) all.stream().filter(PluginHost::alive).count();
    }

    void close() {
        closed = true;
        all.forEach(PluginHost::kill);
        all.forEach(host -> host.waitFor(java.time.Duration.ofSeconds(2)));
        all.clear();
        synchronized (idle) {
            idle.clear();
        }
    }
}
