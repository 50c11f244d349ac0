package dev.plugboard.adapter.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which process owns the embedded server, that is, stops it when it exits: the file {@code server-owner}
 * in the data folder names its pid and start time. The process that starts the server owns it. A
 * process that finds the server running while its owner is gone (killed with {@code kill -9}, say)
 * takes it over, so that a server outlives its owner only while other processes still use it. Read
 * and written under the folder's startup lock.
 */
final class ServerOwner {

    private static final Logger LOG = LoggerFactory.getLogger(ServerOwner.class);
    static final String FILE = "server-owner";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private ServerOwner() {
    }

    /** Records this process as the owner of the folder's server. */
    static void claim(Path folder) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String startedAt = self.info().startInstant().map(Instant::toString).orElse("-");
        Files.writeString(folder.resolve(FILE), self.pid() + " " + startedAt + "\n", StandardCharsets.UTF_8);
    }

    /** Whether the recorded owner still runs (the same process: its pid and start time match). */
    static boolean ownerAlive(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        String[] fields = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
        try {
            long pid = Long.parseLong(fields[0]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            String startedAt = fields.length > 1 ? fields[1] : "-";
            return process.isPresent() && (startedAt.equals("-")
                    || process.get().info().startInstant().map(Instant::toString).map(startedAt::equals).orElse(true));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Forgets the owner if it is this process (a next start then starts, or takes over, afresh). */
    static void release(Path folder) {
        try {
            Path file = folder.resolve(FILE);
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(ProcessHandle.current().pid() + " ")) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", folder.resolve(FILE), e.getMessage());
        }
    }

    /**
     * Stops a server this process took over with PostgreSQL's fast shutdown (SIGINT: open sessions are
     * ended, the data is checkpointed), as {@code pg_ctl stop -m fast} would (pg_ctl itself refuses to
     * run as root); with the smart one (SIGTERM) where no {@code kill} command is found. Then waits for
     * the postmaster to exit.
     */
    static void stop(long postmaster) {
        Optional<ProcessHandle> process = ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        try {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    process.get().destroy();
                }
            } catch (IOException noKillCommand) {
                process.get().destroy();
            }
            process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Could not stop the PostgreSQL with pid {} within {} s: {}", postmaster, STOP_TIMEOUT.toSeconds(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
