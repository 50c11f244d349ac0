package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.worker.Worker;
import dev.plugboard.worker.WorkerApi;
import dev.plugboard.worker.WorkerApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static dev.plugboard.bootstrap.rest.SummarizerServer.LEASE;
import static dev.plugboard.bootstrap.rest.SummarizerServer.TEXT;
import static dev.plugboard.bootstrap.rest.SummarizerServer.awaitStatus;
import static dev.plugboard.bootstrap.rest.SummarizerServer.firstSentence;
import static dev.plugboard.bootstrap.rest.SummarizerServer.javaWorker;
import static dev.plugboard.bootstrap.rest.SummarizerServer.newWorker;
import static dev.plugboard.bootstrap.rest.SummarizerServer.ownerWithSummarizer;
import static dev.plugboard.bootstrap.rest.SummarizerServer.startRun;
import static dev.plugboard.bootstrap.rest.SummarizerServer.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Both worker clients complete runs of the summarizer of {@code plugins/} on the real server, PostgreSQL and
 * HTTP: the Java library ({@code plugboard-worker}) and the Python example, run by a real {@code python3};
 * and the library says why when the server refuses a call. Recoveries: {@link WorkerRecoveryFullStackTest}.
 */
class WorkerClientsFullStackTest {

    @Test
    void givenFourRuns_javaWorker_completesEachWithItsHandlersOutputAsThatWorker() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who worker = newWorker("java-worker");
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> startRun(owner, "Run " + i + " is short. " + TEXT)).toList();
        Map<String, Integer> handled = new ConcurrentHashMap<>();

        try (Worker running = javaWorker(worker, 2, run -> {
            handled.merge(run.id(), 1, Integer::sum);
            return firstSentence(run);
        })) {
            for (int i = 0; i < ids.size(); i++) {
                JsonNode done = awaitStatus(owner, ids.get(i), "completed");
                assertThat(done.path("output").path("summary").asText()).isEqualTo("Run " + i + " is short.");
                assertThat(done.path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText())
                        .containsExactly(tuple("worker:" + worker.user(), "completed"));
            }
        }
        assertThat(handled).as("each run handled once").containsOnlyKeys(ids).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void givenRuns_pythonWorker_summarizesThemAndExitsCleanlyOnSigterm() throws Exception {
        Who owner = ownerWithSummarizer(2);
        Who worker = newWorker("python-worker");
        List<String> ids = List.of(startRun(owner, TEXT), startRun(owner, "One. Two! Three? Four."));

        try (PythonWorkerProcess python = PythonWorkerProcess.start(SummarizerServer.server().baseUrl(), tokenOf(worker),
                "--lease", "5", "--max-idle", "0.5")) {
            JsonNode first = awaitStatus(owner, ids.get(0), "completed");
            JsonNode second = awaitStatus(owner, ids.get(1), "completed");

            assertThat(first.path("output").path("summary").asText())
                    .isEqualTo("Plugboard is a plugin control plane. Workers run its external plugins.");
            assertThat(second.path("output").path("summary").asText()).isEqualTo("One. Two!");
            assertThat(first.path("attempts").get(0).path("executor").asText()).isEqualTo("worker:" + worker.user());
            assertThat(python.lines()).contains("completed " + ids.get(0), "completed " + ids.get(1));
            assertThat(python.stop()).as("exit code after SIGTERM").isZero();
            assertThat(python.lines()).last().isEqualTo("stopped");
        }
    }

    @Test
    void givenCallsTheServerRefuses_workerApi_saysWhyAndThatRetryingWillNotHelp() {
        WorkerApi asUser = new WorkerApi(SummarizerServer.server().baseUrl(), () -> tokenOf(Who.newUser("not-a-worker")), Duration.ofSeconds(10));
        WorkerApi asWorker = new WorkerApi(SummarizerServer.server().baseUrl(), () -> tokenOf(newWorker("w")),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> asUser.claim(List.of("summarizer"), 1, LEASE)).isInstanceOfSatisfying(WorkerApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> asWorker.claim(List.of("analytics"), 1, LEASE)).isInstanceOfSatisfying(WorkerApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.getMessage()).contains("analytics").contains("execution: {mode: external}");
                    assertThat(e.isTransient()).isFalse();
                });
        assertThatThrownBy(() -> asWorker.claim(List.of("no-such-plugin"), 1, LEASE)).isInstanceOfSatisfying(WorkerApiException.class,
                e -> assertThat(e.code()).isEqualTo("plugin_not_found"));
    }
}
