package dev.plugboard.adapter.cli.support;

import dev.plugboard.application.port.in.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shows a long command's progress on stderr, so that stdout stays its result: a progress bar
 * (me.tongfei:progressbar) on a terminal; elsewhere, and with {@code --json}, a plain line per task
 * when it starts, at most one a second while it runs, and its last state when it ends, for logs
 * and scripts. One task at a time: a new task name ends the one before.
 */
public final class ProgressDisplay implements ProgressListener, AutoCloseable {

    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final boolean bar;
    private final Clock clock;
    private String task;
    private ProgressBar current;
    private String pending;
    private Instant lastLine = Instant.MIN;

    ProgressDisplay(PrintWriter err, boolean bar, Clock clock) {
        this.err = err;
        this.bar = bar;
        this.clock = clock;
    }

    /** A bar when stderr is a terminal and {@code plain} is off (for {@code --json}); plain lines otherwise. */
    public static ProgressDisplay on(PrintWriter err, boolean plain) {
        return new ProgressDisplay(err, !plain && onTerminal(System.console()), Clock.systemUTC());
    }

    /**
     * Whether the JVM's console is a terminal. Up to Java 21 a console exists only then; from Java 22 one
     * exists even when output is redirected, and {@code Console.isTerminal()} (Java 22+, called by name
     * since Plugboard targets 17) tells the two apart.
     */
    static boolean onTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException unexpected) {
            return false;
        }
    }

    @Override
    public void progress(String task, long done, long total) {
        progress(task, done, total, "");
    }

    /** As {@link #progress(String, long, long)}, with a few words more on where it stands ({@code detail}). */
    public void progress(String task, long done, long total, String detail) {
        if (!Objects.equals(task, this.task)) {
            finishTask();
            this.task = task;
            lastLine = Instant.MIN;
        }
        if (bar) {
            showOnBar(task, done, total, detail);
            return;
        }
        pending = line(task, done, total, detail);
        Instant now = clock.instant();
        if (done == total || !now.isBefore(lastLine.plus(PLAIN_INTERVAL))) {
            printPending(now);
        }
    }

    private void showOnBar(String name, long done, long total, String detail) {
        if (current == null) {
            current = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        current.maxHint(total);
        current.stepTo(done);
        current.setExtraMessage(detail);
    }

    private static String line(String task, long done, long total, String detail) {
        String count = total == UNKNOWN ? String.format("%,d so far", done) : String.format("%,d of %,d", done, total);
        return task + ": " + count + (detail.isEmpty() ? "" : ", " + detail);
    }

    private void printPending(Instant now) {
        if (pending != null) {
            err.println(pending);
            err.flush();
            pending = null;
            lastLine = now;
        }
    }

    private void finishTask() {
        if (current != null) {
            current.close();
            current = null;
        }
        printPending(clock.instant());
    }

    /** Ends the last task: closes its bar, or prints its last state if that line is still owed. */
    @Override
    public void close() {
        finishTask();
    }
}
