package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.worker.Worker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.plugboard.bootstrap.rest.SummarizerServer.LEASE;
import static dev.plugboard.bootstrap.rest.SummarizerServer.PATIENCE;
import static dev.plugboard.bootstrap.rest.SummarizerServer.TEXT;
import static dev.plugboard.bootstrap.rest.SummarizerServer.awaitStatus;
import static dev.plugboard.bootstrap.rest.SummarizerServer.finishedBy;
import static dev.plugboard.bootstrap.rest.SummarizerServer.javaWorker;
import static dev.plugboard.bootstrap.rest.SummarizerServer.newWorker;
import static dev.plugboard.bootstrap.rest.SummarizerServer.ownerWithSummarizer;
import static dev.plugboard.bootstrap.rest.SummarizerServer.run;
import static dev.plugboard.bootstrap.rest.SummarizerServer.startRun;
import static dev.plugboard.bootstrap.rest.SummarizerServer.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Workers that stop mid-run lose no run, on the real server: a worker killed with SIGKILL (the Python
 * example, a real {@code python3}) leaves its lease behind and the server's reaper gives the run back for
 * another worker to finish; a Java worker shut down mid-run gives it back itself; a Java worker whose run
 * was cancelled learns it from its next heartbeat and stops its handler.
 */
class WorkerRecoveryFullStackTest {

    @Test
    void givenPythonWorkerKilledMidRun_reaper_givesTheRunBackAndTheJavaWorkerFinishesIt() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who doomed = newWorker("doomed-python");
        Who survivor = newWorker("java-survivor");
        String id = startRun(owner, TEXT);

        try (PythonWorkerProcess python = PythonWorkerProcess.start(SummarizerServer.server().baseUrl(), tokenOf(doomed),
                "--lease", "5", "--max-idle", "0.5", "--work-seconds", "300")) {
            assertThat(python.awaitLine("claimed ", PATIENCE)).startsWith("claimed " + id);
            // Its heartbeats keep the run past the 5 s lease while it works.
            Thread.sleep(LEASE.plusSeconds(2).toMillis());
            JsonNode held = run(owner, id);
            assertThat(held.path("status").asText()).isEqualTo("processing");
            assertThat(held.path("lease").path("holder").asText()).isEqualTo("worker:" + doomed.user());

            python.kill();
        }
        JsonNode reaped = awaitStatus(owner, id, "pending");
        assertThat(reaped.path("error").path("code").asText()).isEqualTo("LEASE_EXPIRED");

        JsonNode done = finishedBy(survivor, owner, id);
        assertThat(done.path("output").path("summary").asText()).isEqualTo("Plugboard is a plugin control plane.");
        assertThat(done.path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText(),
                        a -> a.path("error").path("code").asText(null))
                .containsExactly(tuple("worker:" + doomed.user(), "failed", "LEASE_EXPIRED"),
                        tuple("worker:" + survivor.user(), "completed", null));
    }

    @Test
    void givenJavaWorkerShutDownMidRun_theRunIsGivenBackAndAnotherWorkerFinishesIt() throws Exception {
        Who owner = ownerWithSummarizer(1);
        Who stopping = newWorker("java-stopping");
        Who next = newWorker("java-next");
        String id = startRun(owner, TEXT);
        CountDownLatch claimed = new CountDownLatch(1);

        Worker hanging = javaWorker(stopping, 1, run -> {
            claimed.countDown();
            Thread.sleep(Duration.ofMinutes(5).toMillis()); // a handler that only an interrupt ends
            return Map.of();
        });
        assertThat(claimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread.sleep(LEASE.plusSeconds(2).toMillis()); // renewed past its first lease

        assertThat(run(owner, id).path("status").asText()).as("the lease was renewed").isEqualTo("processing");
        assertThat(hanging.shutdown(Duration.ofMillis(500))).as("the run did not finish within the grace").isFalse();

        JsonNode given = run(owner, id);
        assertThat(given.path("status").asText()).as("given back at once, not after the lease").isEqualTo("pending");
        assertThat(given.path("error").path("code").asText()).isEqualTo("WORKER_STOPPED");
        assertThat(finishedBy(next, owner, id).path("attempts")).extracting(a -> a.path("executor").asText(), a -> a.path("outcome").asText())
                .containsExactly(tuple("worker:" + stopping.user(), "failed"), tuple("worker:" + next.user(), "completed"));
    }

    @Test
    void givenRunCancelledWhileAJavaWorkerHoldsIt_theNextHeartbeat_interruptsTheHandlerAndNothingIsReported() throws Exception {
        Who owner = ownerWithSummarizer(1);
        String id = startRun(owner, TEXT);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        try (Worker running = javaWorker(newWorker("java-cancelled"), 1, run -> {
            claimed.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Map.of("summary", "too late");
        })) {
            assertThat(claimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            ApiResponse cancelled = SummarizerServer.api().post("/api/user/runs/" + id + "/cancel", owner);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

            assertThat(interrupted.await(LEASE.toSeconds() * 2, TimeUnit.SECONDS))
                    .as("the heartbeat after the cancel got lease_lost and interrupted the handler").isTrue();
        }
        JsonNode after = run(owner, id);
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.path("output").path("summary").isMissingNode()).as("nothing reported after the lease was lost").isTrue();
    }
}
