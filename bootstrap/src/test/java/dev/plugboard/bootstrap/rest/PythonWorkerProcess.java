package dev.plugboard.bootstrap.rest;

import dev.plugboard.bootstrap.support.Python3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/worker-python/worker.py} run by a real {@code python3}, its output (one line per event:
 * {@code claimed ID}, {@code completed ID}, ...) in a file the test reads, so a full pipe never stalls it.
 */
final class PythonWorkerProcess implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "examples", "worker-python", "worker.py");

    private final Process process;
    private final Path output;

    private PythonWorkerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static PythonWorkerProcess start(URI server, String token, String... arguments) {
        Path python = Python3.require();
        try {
            Path output = Files.createTempFile("plugboard-python-worker", ".log");
            List<String> command = new ArrayList<>(List.of(python.toString(), SCRIPT.toString(), "--url", server.toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PLUGBOARD_TOKEN", token);
            builder.environment().put("PYTHONUNBUFFERED", "1");
            return new PythonWorkerProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the worker has printed a line starting with {@code prefix}, and returns it. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (String line : lines()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            assertThat(process.isAlive() || lines().stream().anyMatch(line -> line.startsWith(prefix)))
                    .as("the Python worker is still running; it printed:\n%s", String.join("\n", lines())).isTrue();
            assertThat(Instant.now()).as("the Python worker printed '%s' in time; it printed:\n%s", prefix,
                    String.join("\n", lines())).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    List<String> lines() {
        try {
            return Files.readAllLines(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM: the worker finishes the run in hand and exits; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the Python worker exits after SIGTERM").isTrue();
        return process.exitValue();
    }

    /** SIGKILL: nothing of the worker can clean up; its leases are left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
