package dev.plugboard.bootstrap.rest;

import dev.plugboard.bootstrap.support.Python3;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python example worker's own unit tests ({@code examples/worker-python/test_worker.py}: reading
 * {@code Retry-After}, waiting the longer of it and the backoff), run by a real {@code python3} as part
 * of the build, so that they cannot rot beside the full-stack runs of {@link WorkerClientsFullStackTest}.
 */
class PythonWorkerUnitTest {

    @Test
    void givenTheExampleWorker_itsUnitTests_passUnderPython3() throws IOException, InterruptedException {
        Path python = Python3.require();
        Path folder = PythonWorkerProcess.SCRIPT.getParent();
        Process process = new ProcessBuilder(python.toString(), "-B", "-m", "unittest", "-v", "test_worker")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as("python3 -m unittest ended within 60 s: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 3 tests").contains("OK");
    }
}
