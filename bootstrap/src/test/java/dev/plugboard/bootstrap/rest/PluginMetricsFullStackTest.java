package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.persistence.jdbc.JdbcMetricsRollups;
import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics endpoints over real HTTP on the real server and PostgreSQL: an administrator sees a
 * plugin's hourly rollups across owners, an owner only their own, and a bad range is a 400 that
 * names the value.
 */
class PluginMetricsFullStackTest {

    private final FullStackServer server = FullStackServer.shared();
    private final ApiClient api = new ApiClient(server);

    @Test
    void givenRunsOfTwoOwners_adminSeesBoth_andEachOwnerOnlyTheirOwn() {
        Who alice = Who.newUser("alice");
        Who bob = Who.newUser("bob");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        ApplicationContext context = server.application().context();
        Sql sql = context.getBean(Sql.class);
        run(sql, alice.user(), "completed", hour.plusSeconds(60), 200);
        run(sql, alice.user(), "failed", hour.plusSeconds(120), 400);
        run(sql, bob.user(), "completed", hour.plusSeconds(180), 600);
        // The shared server's job may be past that hour already: roll it up (again) by hand.
        context.getBean(JdbcMetricsRollups.class).rollUp(hour, Instant.now());

        String range = "?from=" + hour + "&to=" + hour.plus(Duration.ofHours(1));
        ApiResponse admin = api.get("/api/admin/plugins/analytics/metrics" + range, Who.newAdmin());
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        JsonNode all = admin.json().path("hours").get(0);
        assertThat(all.path("hour").asText()).isEqualTo(hour.toString());
        assertThat(all.path("runs").asLong()).as("at least these three (other suites share the server)")
                .isGreaterThanOrEqualTo(3);

        ApiResponse own = api.get("/api/user/plugins/analytics/metrics" + range, alice);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        JsonNode alices = own.json().path("hours").get(0);
        assertThat(alices.path("runs").asLong()).isEqualTo(2);
        assertThat(alices.path("successes").asLong()).isEqualTo(1);
        assertThat(alices.path("failureCodes").path("TIMEOUT").asLong()).isEqualTo(1);
        assertThat(alices.path("p50Ms").asDouble()).isEqualTo(300.0);
        assertThat(own.json().path("owner").asText()).isEqualTo("user:" + alice.user());

        JsonNode bobs = api.get("/api/user/plugins/analytics/metrics" + range, bob).json().path("hours").get(0);
        assertThat(bobs.path("runs").asLong()).isEqualTo(1);
        assertThat(bobs.path("failures").asLong()).isZero();

        assertThat(api.get("/api/admin/plugins/analytics/metrics" + range, alice).status()).isEqualTo(403);
        assertThat(api.get("/api/user/plugins/analytics/metrics" + range, Who.anonymous()).status()).isEqualTo(401);
    }

    @Test
    void givenABadRange_orAnUnknownPlugin_theAnswerIsAProblemNamingIt() {
        Who carol = Who.newUser("carol");
        ApiResponse notHour = api.get("/api/user/plugins/analytics/metrics?from=2026-01-01T10:30:00Z&to=2026-01-01T12:00:00Z",
                carol);
        assertThat(notHour.status()).as(notHour.toString()).isEqualTo(400);
        assertThat(notHour.body()).contains("from", "whole UTC hour");
        ApiResponse garbage = api.get("/api/user/plugins/analytics/metrics?to=yesterday", carol);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("yesterday");
        ApiResponse unknown = api.get("/api/admin/plugins/no-such-plugin/metrics", Who.newAdmin());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocument_describesBothEndpoints() {
        assertThat(api.get("/swagger/plugboard.yml", Who.anonymous()).body())
                .contains("/api/admin/plugins/{name}/metrics:", "/api/user/plugins/{name}/metrics:");
    }

    private static void run(Sql sql, String user, String status, Instant start, long durationMs) {
        sql.update("INSERT INTO users (id) VALUES (?) ON CONFLICT DO NOTHING", user);
        Instant end = start.plusMillis(durationMs);
        sql.update("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, error_code, error_message, created_at,"
                        + " started_at, completed_at, available_at) SELECT ?, ?, id, 'manual', ?, ?, ?, ?, ?, ?, ? FROM plugins"
                        + " WHERE name = 'analytics'", UUID.randomUUID(), user, status,
                "failed".equals(status) ? "TIMEOUT" : null, "failed".equals(status) ? "too slow" : null, start, start, end, start);
    }
}
