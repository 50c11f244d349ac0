package dev.plugboard.adapter.isolation;

import dev.plugboard.application.service.execution.Threads;

import dev.plugboard.application.port.out.AttemptUsage;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.PluginManifest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Process isolation for plugin packages: one pool of plugin hosts per plugin, the handlers the
 * executor calls, and the housekeeping (idle hosts stopped, every host killed on close).
 */
public final class PluginHosts implements AutoCloseable {

    private final IsolationSettings settings;
    private final AttemptUsage usage;
    private final Map<String, HostPool> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(Threads.daemon("plugin-hosts-"));
    private final ExecutorService reapers = Executors.newCachedThreadPool(Threads.daemon("plugin-host-reaper-"));

    public PluginHosts(IsolationSettings settings) {
        this(settings, AttemptUsage.none());
    }

    /** @param usage where each attempt's CPU time and peak memory are kept */
    public PluginHosts(IsolationSettings settings, AttemptUsage usage) {
        this.settings = settings;
        this.usage = usage;
        long every = Math.max(1, Math.min(30, settings.idleTimeout().toSeconds() / 2));
        housekeeping.scheduleWithFixedDelay(this::stopIdle, every, every, TimeUnit.SECONDS);
    }


    /** A handler per package, each with its pool; hosts start on the first run, or on {@link #warmUp()}. */
    public List<PluginHandler> handlers(Map<PluginManifest, PluginPackage> packages) {
        List<PluginHandler> handlers = new ArrayList<>();
        packages.forEach((manifest, pkg) -> {
            HostPool pool = new HostPool(pkg, settings);
            HostPool previous = pools.put(pkg.plugin(), pool);
            if (previous != null) {
                previous.close();
            }
            handlers.add(new ProcessPluginHandler(manifest, pkg, pool, settings.killGrace(), reapers, usage));
        });
        return handlers;
    }

    /** Starts one host of each plugin in the background, so the first runs do not wait for a JVM to start. */
    public void warmUp() {
        pools.values().forEach(pool -> reapers.execute(pool::warmUp));
    }

    /** Hosts alive now, over all plugins: for health and for tests that look for leaks. */
    public int liveHosts() {
        return pools.values().stream().mapToInt(HostPool::live).sum();
    }

    /** Host JVMs started since this instance started, over all plugins (first starts and replacements). */
    public long hostsStarted() {
        return pools.values().stream().mapToLong(HostPool::started).sum();
    }

    /** Hosts killed after a run that left them unusable (timeout, crash, limit), so that a fresh one replaces them. */
    public long hostsDiscarded() {
        return pools.values().stream().mapToLong(HostPool::discarded).sum();
    }

    private void stopIdle() {
        Instant cutoff = Instant.now().minus(settings.idleTimeout());
        pools.values().forEach(pool -> pool.stopIdleSince(cutoff));
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        pools.values().forEach(HostPool::close);
        reapers.shutdownNow();
    }
}
