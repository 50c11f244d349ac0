package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.support.Postmaster;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its PostgreSQL stopped, the server answers 503 DATABASE_UNAVAILABLE at once instead of
 * hanging, readiness reports DOWN, and once the database is back the same request succeeds
 * without a restart of the server.
 */
class DatabaseDownFullStackTest {

    @Test
    void givenTheDatabaseStopped_aRequest_answers503AtOnce_andAfterItsRestart_200() throws Exception {
        Path data = FullStackServer.newFolder("plugboard-db-down");
        FullStackServer server = FullStackServer.start(data, Map.of("plugboard.execution.enabled", false));
        Process restarted = null;
        try {
            ApiClient api = new ApiClient(server);
            Who alice = Who.newUser("alice");
            assertThat(api.get("/api/plugins", alice).status()).isEqualTo(200);
            Postmaster.stopFast(data.resolve("pgdata"));

            long start = System.nanoTime();
            ApiResponse down = api.get("/api/plugins", alice);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(down.status()).as(down.toString()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.json().path("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(down.json().path("requestId").asText()).isEqualTo(down.header("X-Request-Id"));
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(took).as("the time to answer with the database down").isLessThan(Duration.ofSeconds(2));
            ApiResponse readiness = api.get("/health/readiness", Who.anonymous());
            assertThat(readiness.json().path("status").asText()).as(readiness.toString()).isEqualTo("DOWN");

            restarted = Postmaster.startAgain(data.resolve("pgdata"));

            ApiResponse back = awaitOk(api, alice);
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
            assertThat(api.get("/health/readiness", Who.anonymous()).json().path("status").asText()).isEqualTo("UP");
        } finally {
            // Closing the server stops its embedded database, the one started again included (same data directory).
            server.application().close();
            if (restarted != null) {
                restarted.destroy();
                restarted.waitFor();
            }
            FullStackServer.delete(data);
        }
    }

    /** The pool reconnects by itself; the first requests after the restart may still find it empty. */
    private static ApiResponse awaitOk(ApiClient api, Who who) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiResponse response = api.get("/api/plugins", who);
        while (response.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = api.get("/api/plugins", who);
        }
        return response;
    }
}
