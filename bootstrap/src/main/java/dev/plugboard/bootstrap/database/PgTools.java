package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code pg_dump}/{@code pg_restore} whose major version can serve the server, and runs them
 * with the password in {@code PGPASSWORD} only (never on the command line, which {@code ps} shows).
 */
final class PgTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final int KEPT_LINES = 20;

    private final List<Path> directories;

    private PgTools(List<Path> directories) {
        this.directories = directories;
    }

    /**
     * Where to look, in order: the configured folder, the folders the embedded PostgreSQL unpacked
     * (zonky's {@code embedded-pg/PG-*}), {@code PATH}, and Debian's {@code /usr/lib/postgresql/<N>/bin}.
     */
    static PgTools search(Optional<String> configured) {
        Set<Path> dirs = new LinkedHashSet<>();
        configured.filter(dir -> !dir.isBlank()).map(Path::of).ifPresent(dirs::add);
        dirs.addAll(children(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"), "bin"));
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        List<Path> debian = children(Path.of("/usr/lib/postgresql"), "bin");
        debian.sort(Comparator.comparing(Path::toString).reversed());
        dirs.addAll(debian);
        return new PgTools(List.copyOf(dirs));
    }

    private static List<Path> children(Path parent, String sub) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
                entries.forEach(entry -> found.add(entry.resolve(sub)));
            } catch (IOException e) {
                // An unreadable folder has no tools for us.
            }
        }
        return found;
    }

    /** The first {@code tool} whose major version is at least {@code serverMajor}; a clear failure otherwise. */
    Path find(String tool, int serverMajor) {
        List<String> tooOld = new ArrayList<>();
        for (Path dir : directories) {
            Path candidate = dir.resolve(tool);
            if (!Files.isExecutable(candidate)) {
                continue;
            }
            int major = major(candidate);
            if (major >= serverMajor) {
                return candidate;
            }
            tooOld.add(candidate + " (" + (major < 0 ? "version unknown" : "PostgreSQL " + major) + ")");
        }
        String found = tooOld.isEmpty() ? "none was found" : "only older ones were found: " + String.join(", ", tooOld);
        throw new CliFailure(ExitCode.FAILURE, tool + " of PostgreSQL " + serverMajor + " or newer is needed for this"
                + " PostgreSQL " + serverMajor + " server, but " + found + "; install the PostgreSQL " + serverMajor
                + " client tools (e.g. postgresql-client-" + serverMajor + ") or set PLUGBOARD_DATABASE_PG_BIN to their bin folder");
    }

    private static int major(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Runs a tool; lines of its (verbose) standard error that {@code progress} picks are passed on,
     * the last ones are kept for the failure message.
     */
    static void run(List<String> command, String password, Pattern progressLines, Consumer<String> progress) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PGPASSWORD", password);
        environment.put("PGCONNECT_TIMEOUT", "10");
        // A server still using the database holds locks: fail with a message instead of waiting forever.
        environment.put("PGOPTIONS", "-c lock_timeout=30s");
        String tool = Path.of(command.get(0)).getFileName().toString();
        Deque<String> last = new ArrayDeque<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (progressLines.matcher(line).find()) {
                        progress.accept(line);
                    }
                    last.addLast(line);
                    if (last.size() > KEPT_LINES) {
                        last.removeFirst();
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                List<String> errors = last.stream().filter(line -> line.contains("error") || line.contains("FATAL")).toList();
                throw new CliFailure(ExitCode.FAILURE, tool + " failed (exit " + exit + "): "
                        + String.join(" | ", errors.isEmpty() ? List.copyOf(last) : errors));
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILURE, tool + " was interrupted");
        }
    }
}
