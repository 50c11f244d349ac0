package dev.plugboard.host;

import dev.plugboard.plugin.PluginContext;
import dev.plugboard.plugin.PluginFailure;
import dev.plugboard.plugin.PluginHandler;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one run at a time on a thread of its own, watches the plugin's thread count, and sends the outcome. */
final class RunWorker {

    /** The run's thread and every thread the plugin starts from it (threads inherit their group); the JVM's own stay out. */
    private final ThreadGroup plugin = new ThreadGroup("plugin");

    private final PluginHandler handler;
    private final DataOutputStream protocol;
    private final PrintStream err;
    private final int threadLimit;
    private volatile Thread current;
    private volatile Thread last;
    private volatile boolean cancelled;

    RunWorker(PluginHandler handler, DataOutputStream protocol, PrintStream err, int threadLimit) {
        this.handler = handler;
        this.protocol = protocol;
        this.err = err;
        this.threadLimit = threadLimit;
        Thread watchdog = new Thread(this::watch, "plugin-thread-watch");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    void start(Map<String, Object> message) {
        Thread previous = last;
        if (previous != null) {
            try {
                // It answered already; let it leave the group, or the new run would count it as left behind.
                previous.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cancelled = false;
        Thread thread = new Thread(plugin, () -> run(message), "plugin-run");
        current = thread;
        last = thread;
        thread.start();
    }

    void cancel() {
        cancelled = true;
        Thread thread = current;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** A plugin that starts threads without bound would exhaust the host's memory or the machine's: stop it early. */
    private void watch() {
        while (true) {
            if (current != null && plugin.activeCount() - 1 > threadLimit) {
                Map<String, Object> outcome = failure("THREAD_LIMIT", "the plugin started more than " + threadLimit
                        + " threads (execution.threads); its host was stopped", false);
                outcome.put("recycle", true);
                send(outcome);
                Runtime.getRuntime().halt(ExitCodes.THREAD_LIMIT);
            }
            try {
                Thread.sleep(current == null ? 50 : 10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void run(Map<String, Object> message) {
        Usage usage = Usage.start();
        HostStore store = new HostStore((Map<String, Map<String, Object>>) message.getOrDefault("store", Map.of()));
        PluginContext context = new Context(String.valueOf(message.get("owner")), String.valueOf(message.get("runId")),
                ((Number) message.getOrDefault("attempt", 1)).intValue(), store, new HostLogger("plugin", err), this);
        Map<String, Object> outcome;
        try {
            Map<String, Object> output = handler.execute((Map<String, Object>) message.get("input"),
                    (Map<String, Object>) message.get("settings"), context);
            outcome = new LinkedHashMap<>();
            outcome.put("type", "done");
            outcome.put("output", output);
            outcome.put("writes", store.writes());
        } catch (PluginFailure failure) {
            outcome = failure(failure.code(), failure.getMessage(), failure.retryable());
        } catch (OutOfMemoryError oom) {
            outOfMemory(protocol, "the run");
            return;
        } catch (Throwable other) {
            outcome = failure(other instanceof Error ? "HANDLER_CRASH" : "HANDLER_ERROR",
                    other.getClass().getSimpleName() + ": " + other.getMessage(), true);
        }
        outcome.put("cpuNanos", usage.cpuNanos());
        outcome.put("peakHeapBytes", usage.peakHeapBytes());
        // Threads the plugin left running would carry into the next run: ask for a fresh host.
        outcome.put("recycle", plugin.activeCount() > 1);
        current = null;
        send(outcome);
    }

    private static Map<String, Object> failure(String code, String message, boolean retryable) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("type", "failed");
        outcome.put("code", code);
        outcome.put("message", message);
        outcome.put("retryable", retryable);
        return outcome;
    }

    private void send(Map<String, Object> outcome) {
        try {
            Frames.write(protocol, outcome);
        } catch (IOException | RuntimeException e) {
            // The output could not be written (not JSON, too large): say so instead.
            try {
                Frames.write(protocol, failure("OUTPUT_INVALID", "the output could not be sent: " + e.getMessage(), false));
            } catch (IOException lost) {
                Runtime.getRuntime().halt(1);
            }
        }
    }

    /** The heap may be damaged: report in as few allocations as possible, then end so that a fresh host replaces this one. */
    static void outOfMemory(DataOutputStream protocol, String where) {
        try {
            Frames.write(protocol, Map.of("type", "failed", "code", "OUT_OF_MEMORY", "retryable", true, "recycle", true,
                    "message", "the plugin ran out of memory in " + where + " (execution.memory); its host was stopped"));
        } catch (Throwable ignored) {
            // The exit code says it all the same.
        }
        Runtime.getRuntime().halt(ExitCodes.OUT_OF_MEMORY);
    }

    boolean cancelled() {
        return cancelled;
    }

    private record Context(String owner, String runId, int attempt, HostStore store, System.Logger logger,
                           RunWorker worker) implements PluginContext {
        @Override
        public boolean isCancelled() {
            return worker.cancelled();
        }
    }
}
