package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.LogContext;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls one handler on a thread of its own and stops waiting at the timeout: the thread is
 * interrupted, and one that ignores interruption is abandoned, keeping its execution slot until it
 * really ends. The one place where {@code handler.execute(input, settings, context)} is called.
 */
final class HandlerInvoker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HandlerInvoker.class.getName());
    /** How long an interrupted handler gets to stop before its thread counts as abandoned. */
    private static final Duration ABANDON_GRACE = Duration.ofMillis(200);

    private enum State { NEW, RUNNING, FINISHED, ABANDONED }

    private final LogContext logContext;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.daemon("plugboard-handler-"));
    private final AtomicInteger abandoned = new AtomicInteger();

    HandlerInvoker(LogContext logContext) {
        this.logContext = logContext;
    }

    /** Handler threads abandoned at their timeout that are still running now. */
    int abandoned() {
        return abandoned.get();
    }

    Attempt invoke(PluginHandler handler, PluginRun claimed, JsonDocument input, JsonDocument settings, HandlerContext context,
                   Duration timeout, ExecutionSlots.Slot slot) {
        RunId run = claimed.id();
        AtomicReference<State> state = new AtomicReference<>(State.NEW);
        CountDownLatch ended = new CountDownLatch(1);
        Future<JsonDocument> result = threads.submit(() -> {
            if (!state.compareAndSet(State.NEW, State.RUNNING)) {
                return null; // timed out before it ever started
            }
            // The handler's own log lines (System.Logger, SLF4J) name the run, its plugin and owner.
            try (LogContext.Scope ignored = logContext.open(RunExecutor.logFields(claimed))) {
                return handler.execute(input, settings, context);
            } finally {
                ended.countDown();
                if (!state.compareAndSet(State.RUNNING, State.FINISHED)) {
                    abandoned.decrementAndGet();
                    slot.release();
                }
            }
        });
        try {
            JsonDocument output = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return output == null ? new Attempt.Failed(new RunError("HANDLER_ERROR", "the handler returned no output"), true)
                    : new Attempt.Succeeded(output);
        } catch (TimeoutException e) {
            result.cancel(true);
            abandonIfStillRunning(state, ended, slot, run);
            return new Attempt.Failed(new RunError("TIMEOUT", "the handler did not finish within " + describe(timeout)
                    + " and was interrupted"), true);
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt.Abandoned();
        }
    }

    /** A cancelled future reports itself done at once; whether the handler's thread really stopped, only it can say. */
    private void abandonIfStillRunning(AtomicReference<State> state, CountDownLatch ended, ExecutionSlots.Slot slot, RunId run) {
        try {
            ended.await(ABANDON_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.compareAndSet(State.NEW, State.FINISHED);
        abandoned.incrementAndGet();
        if (state.compareAndSet(State.RUNNING, State.ABANDONED)) {
            slot.handOver();
            LOG.log(System.Logger.Level.WARNING, "the handler of run " + run + " ignores interruption; its thread is"
                    + " abandoned and keeps its slot until it ends (" + abandoned.get() + " abandoned now)");
        } else {
            abandoned.decrementAndGet();
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static Attempt failure(Throwable cause) {
        if (cause instanceof PluginFailure failure) {
            return new Attempt.Failed(new RunError(failure.code(), failure.getMessage()), failure.retryable());
        }
        if (cause instanceof Error error) {
            return new Attempt.Failed(new RunError("HANDLER_CRASH", error.getClass().getSimpleName() + ": " + error.getMessage()), true);
        }
        return new Attempt.Failed(new RunError("HANDLER_ERROR", cause.getClass().getSimpleName() + ": " + cause.getMessage()), true);
    }

    /** Interrupts every handler still running. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
