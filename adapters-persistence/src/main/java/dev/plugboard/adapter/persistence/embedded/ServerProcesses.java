package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Asks the operating system about PostgreSQL processes: whether a pid still is a live server, and
 * which processes still work in a data directory (every PostgreSQL process changes into it).
 */
final class ServerProcesses {

    private static final Path PROC = Path.of("/proc");

    private ServerProcesses() {
    }

    /**
     * Whether {@code pid} is a live PostgreSQL process. A zombie does not count: the process that
     * should reap a killed server may never do so, and a zombie serves nobody.
     */
    static boolean isServer(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> !isZombie(pid))
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true))
                .isPresent();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "pid (comm) S ...": the state follows the command name, which may itself hold spaces.
            int end = stat.lastIndexOf(')');
            return end > 0 && stat.length() > end + 2 && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The live processes whose working directory is {@code directory} (none where there is no /proc). */
    static List<Long> workingIn(Path directory) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return pids;
        }
        Path wanted = directory.toRealPath();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    if (Files.readSymbolicLink(entry.resolve("cwd")).equals(wanted) && !isZombie(pid)) {
                        pids.add(pid);
                    }
                } catch (IOException | SecurityException e) {
                    // Gone meanwhile, or not ours to look at: not a process of this server either way.
                }
            }
        }
        return pids;
    }

    /**
     * Waits until no process works in the directory any more: after a crashed server's postmaster
     * is gone its backends notice and exit, and a new server must not start beside them.
     */
    static void awaitNoneWorkingIn(Path directory, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> left = workingIn(directory);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new EmbeddedDatabaseException("PostgreSQL processes " + left + " of a server that crashed still use "
                        + directory + "; stop them (kill " + String.join(" ", left.stream().map(String::valueOf).toList())
                        + ") and start again");
            }
            sleep(Duration.ofMillis(200));
            left = workingIn(directory);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
