package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's own lock file {@code postmaster.pid} says about the server of a data
 * directory: its process id, its port and whether it is ready. PostgreSQL writes it on start and
 * removes it on a clean stop, so a file whose process is gone is left over from a crash.
 */
record PostmasterPidFile(Path file, long pid, int port, String status) {

    static final String NAME = "postmaster.pid";
    // Line numbers of the file's fields, as PostgreSQL's pidfile.h defines them (1-based).
    private static final int LINE_PID = 1;
    private static final int LINE_PORT = 4;
    private static final int LINE_STATUS = 8;

    /** The server's pid file, if there is one with at least a process id in it. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long pid = number(lines, LINE_PID);
        if (pid <= 0) {
            // Being written right now, or garbage: either way no process to ask.
            return Optional.of(new PostmasterPidFile(file, 0, 0, ""));
        }
        return Optional.of(new PostmasterPidFile(file, pid, (int) number(lines, LINE_PORT), field(lines, LINE_STATUS)));
    }

    boolean isReady() {
        return "ready".equals(status) && port > 0;
    }

    private static long number(List<String> lines, int line) {
        try {
            return Long.parseLong(field(lines, line));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String field(List<String> lines, int line) {
        return lines.size() >= line ? lines.get(line - 1).strip() : "";
    }
}
