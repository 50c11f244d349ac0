package dev.plugboard.adapter.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a host's stderr (where the plugin's stdout goes too) into the server's log, line by line,
 * tagged with the plugin and the run it belongs to. Lines are cut at {@value #MAX_LINE} characters
 * and each run may log {@value #BUDGET} bytes: the rest is drained and counted, never kept.
 */
final class HostOutput implements Runnable {

    static final int MAX_LINE = 2_000;
    static final int BUDGET = 64 * 1024;

    private final InputStream stream;
    private final Logger log;
    private final String plugin;
    private final AtomicLong budget = new AtomicLong(BUDGET);
    private final AtomicLong dropped = new AtomicLong();
    private volatile String run = "-";
    private volatile String lastLine = "";

    HostOutput(InputStream stream, String plugin) {
        this.stream = stream;
        this.plugin = plugin;
        this.log = LoggerFactory.getLogger("dev.plugboard.plugin." + plugin);
    }

    /** Lines from now on belong to {@code runId}; a fresh budget starts. */
    void startRun(String runId) {
        run = runId;
        lastLine = ""; // a host serves many owners in turn: the last run's output is never this run's

        budget.set(BUDGET);
        dropped.set(0);
    }

    /** Reports what the run's output lost to the budget. */
    void endRun() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("[plugin " + plugin + ", run " + run + "] " + lost
                    + " bytes of output dropped (at most " + BUDGET + " bytes per run reach the log)");
        }
        run = "-";
    }

    /** The last line the host wrote, cut short: it often says why a host died. */
    String lastLine() {
        return lastLine;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        emit(line);
                    } else if (line.size() < MAX_LINE) {
                        line.write(buffer[i]);
                    } else {
                        dropped.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            // The host is gone; nothing more to copy.
        }
        emit(line);
    }

    private void emit(ByteArrayOutputStream line) {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lastLine = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        if (budget.addAndGet(-text.length()) >= 0) {
            log.info("[plugin " + plugin + ", run " + run + "] " + text);
        } else {
            dropped.addAndGet(text.length() + 1L);
        }
    }
}
