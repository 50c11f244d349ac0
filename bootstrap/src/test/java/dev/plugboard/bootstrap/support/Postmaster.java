package dev.plugboard.bootstrap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL of a data folder as an operator (or a crash) handles it from outside:
 * its postmaster's pid is the first line of {@code pgdata/postmaster.pid}. Stopping it fast, killing
 * it with SIGKILL, and starting it again with the command line of its last start.
 */
public final class Postmaster {

    private Postmaster() {
    }

    /** The pid of the postmaster that runs (or ran) for {@code dataDirectory} ({@code <data folder>/pgdata}). */
    public static long pid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /** A fast shutdown (SIGINT): clients' connections are dropped, as a crash or a restart by an operator would. */
    public static void stopFast(Path dataDirectory) throws IOException, InterruptedException {
        signal(pid(dataDirectory), "-INT");
    }

    /**
     * SIGKILL of the postmaster: no shutdown checkpoint, the pid file is left behind; its backends
     * notice and exit by themselves, and the next start runs crash recovery from the WAL.
     */
    public static void kill(Path dataDirectory) throws IOException, InterruptedException {
        signal(pid(dataDirectory), "-KILL");
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill " + signal + " " + pid).isZero();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(postmaster == null || !postmaster.isAlive()).as("PostgreSQL (pid %d) stopped", pid).isTrue();
    }

    /**
     * Starts PostgreSQL again with the command line of its last start (postmaster.opts: same port,
     * same settings), the way the embedded server runs as root (unshare -U). The library's own start
     * refuses a second server for a data directory in one JVM. After a SIGKILL the new postmaster
     * refuses to start while backends of the old one are still attached to its shared memory; they
     * exit within moments, so a refused start is tried again for up to 30 s.
     */
    public static Process startAgain(Path dataDirectory) throws IOException, InterruptedException {
        String opts = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
        List<String> command = new ArrayList<>(List.of("unshare", "-U", opts.substring(0, opts.indexOf(' '))));
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(opts);
        while (quoted.find()) {
            command.add(quoted.group(1));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolveSibling("restarted-postgres.log").toFile())).start();
            // A refused start ends within a second; one that got past its checks writes its own pid into the pid file.
            Thread.sleep(1000);
            if (started.isAlive()) {
                return started;
            }
            assertThat(System.nanoTime()).as("PostgreSQL started again in 30 s; see restarted-postgres.log beside "
                    + dataDirectory).isLessThan(deadline);
        }
    }

    /** Stops (fast) the server of {@code dataDirectory} if one still runs: the clean-up of a test that failed half-way. */
    public static void stopIfRunning(Path dataDirectory) throws IOException, InterruptedException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))
                && ProcessHandle.of(pid(dataDirectory)).filter(ProcessHandle::isAlive).isPresent()) {
            stopFast(dataDirectory);
        }
    }
}
