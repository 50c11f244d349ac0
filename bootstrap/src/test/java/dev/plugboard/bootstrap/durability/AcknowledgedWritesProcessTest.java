package dev.plugboard.bootstrap.durability;

import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.support.Postmaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable (issue 15, part 4). A real {@code serve} process on a fresh data folder
 * (embedded PostgreSQL) takes a mixed write load over HTTP from several users at once; every
 * acknowledged write is recorded with its value. Then, at a random moment (the seed is printed):
 * <ol>
 *   <li>the server is killed with SIGKILL and started again on the same folder: it takes over the
 *       PostgreSQL its predecessor left running;</li>
 *   <li>on that server, the embedded PostgreSQL's postmaster is killed with SIGKILL: the server answers
 *       503 while it is gone; the test starts PostgreSQL again as an operator would (its last command
 *       line, crash recovery from the WAL), and the running server reconnects by itself.</li>
 * </ol>
 * After each, every acknowledged write is checked: none lost, none with another value, and no
 * request sent again with its idempotency key (those in doubt, and acknowledged ones) made a second run.
 */
class AcknowledgedWritesProcessTest {

    private static final int WRITERS = 6;
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @Test
    @Timeout(300)
    void givenMixedWriteLoad_whenServerThenPostgresKilled_thenNoAcknowledgedWriteIsLostWrongOrDuplicated() throws Exception {
        long seed = Long.getLong("durability.seed", new Random().nextLong());
        System.out.println("AcknowledgedWritesProcessTest: seed " + seed + " (again with -Ddurability.seed=" + seed + ")");
        Random random = new Random(seed);
        Path data = folder.resolve("data");
        Path pgdata = data.resolve("pgdata");
        long started = System.nanoTime();
        ServeProcess first = ServeProcess.start(folder.resolve("serve-1"), data, Map.of());
        ServeProcess second = null;
        try {
            List<String> catalog = WriteLoad.registerPlugins(first, "durable", 12);
            step("first server up, plugins registered", started);

            WriteLoad beforeKill = new WriteLoad(first, catalog, WRITERS, seed).start();
            beforeKill.awaitAcknowledged(150 + random.nextInt(200), LOAD_TIMEOUT);
            first.kill();
            beforeKill.awaitEnd(Duration.ofSeconds(10));
            step("server killed after " + beforeKill.acknowledged() + " acknowledged writes", started);
            second = ServeProcess.start(folder.resolve("serve-2"), data, Map.of());
            ApiClient api = new ApiClient(second);
            step("second server up", started);
            DurabilityCheck serverKilled = new DurabilityCheck(api).check(beforeKill.writers());
            report("serve killed (kill -9), restarted", serverKilled, beforeKill, started);

            WriteLoad beforeCrash = new WriteLoad(second, catalog, WRITERS, seed + 1).start();
            beforeCrash.awaitAcknowledged(150 + random.nextInt(200), LOAD_TIMEOUT);
            Postmaster.kill(pgdata);
            ApiResponse down = awaitStatus(api, 503);
            assertThat(down.json().path("code").asText()).as(down.toString()).isEqualTo("DATABASE_UNAVAILABLE");
            beforeCrash.awaitEnd(Duration.ofSeconds(10));
            assertThat(beforeCrash.endings()).as("each writer's first write without PostgreSQL answered 503; the server's errors:\n"
                            + second.errors())
                    .allMatch(ending -> ending.equals("503") || ending.equals("stopped"));
            step("PostgreSQL killed after " + beforeCrash.acknowledged() + " acknowledged writes", started);
            Postmaster.startAgain(pgdata);
            awaitStatus(api, 200);
            step("PostgreSQL back", started);
            DurabilityCheck postgresKilled = new DurabilityCheck(api).check(beforeCrash.writers());
            report("PostgreSQL killed (kill -9), started again", postgresKilled, beforeCrash, started);
            DurabilityCheck firstAgain = new DurabilityCheck(api).check(beforeKill.writers());
            report("the first load, after both", firstAgain, beforeKill, started);
            System.out.println("AcknowledgedWritesProcessTest: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        } finally {
            if (second != null) {
                second.close();
            }
            first.kill();
            Postmaster.stopIfRunning(pgdata);
        }
    }

    private static void step(String what, long started) {
        System.out.println("AcknowledgedWritesProcessTest at " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: " + what);
    }

    private static void report(String phase, DurabilityCheck check, WriteLoad load, long started) {
        System.out.println("AcknowledgedWritesProcessTest at " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: " + phase + ": " + check.summary() + "; writers ended " + load.endings());
        assertThat(load.writers()).as("writers that ended on an unexpected answer: " + load.endings())
                .noneMatch(writer -> writer.unexpected);
        assertThat(check.acknowledgedTotal()).as(phase + ": acknowledged writes").isGreaterThanOrEqualTo(150);
        assertThat(check.lost).as(phase + ": lost").isEmpty();
        assertThat(check.wrong).as(phase + ": wrong value").isEmpty();
        assertThat(check.duplicates).as(phase + ": duplicates").isEmpty();
    }

    /** Polls a read until it answers {@code status} (30 s at most): the outage seen, or the pool back. */
    private static ApiResponse awaitStatus(ApiClient api, int status) throws InterruptedException {
        Who reader = Who.newUser("durable-probe");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiResponse response = api.get("/api/user/plugins", reader);
        while (response.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = api.get("/api/user/plugins", reader);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
