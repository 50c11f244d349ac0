package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiContract;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/user/plugins/analytics/stats} on the real server and PostgreSQL: the builtin
 * analytics plugin counts events dated over the last eight days through real runs, and the endpoint
 * reads its store.
 */
class AnalyticsStatsFullStackTest extends ApiContract {

    private static final String STATS = "/api/user/plugins/analytics/stats";

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }

    @Test
    void givenMessagesOverEightDays_stats_countsTodayTheWeekAndUsers_withZeroFilledDays() {
        Who alice = Who.newUser("alice");
        install(alice, "analytics", "{}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        message(alice, today, "u-a");
        message(alice, today, "u-b");
        message(alice, today, "u-a");
        message(alice, today.minusDays(1), "u-c");
        message(alice, today.minusDays(1), null);
        message(alice, today.minusDays(3), "u-a");
        message(alice, today.minusDays(6), "u-b");
        message(alice, today.minusDays(7), "u-d");
        message(alice, today.minusDays(7), "u-d");

        JsonNode stats = awaitTotal(alice, 9, STATS);

        assertThat(stats.path("today").asLong()).isEqualTo(3);
        assertThat(stats.path("thisWeek").asLong()).as("the last seven UTC days, today included").isEqualTo(7);
        assertThat(stats.path("uniqueUsers").asLong()).isEqualTo(4);
        assertThat(series(stats)).containsExactly(
                day(today.minusDays(6), 1, 1), day(today.minusDays(5), 0, 0), day(today.minusDays(4), 0, 0),
                day(today.minusDays(3), 1, 1), day(today.minusDays(2), 0, 0), day(today.minusDays(1), 2, 1),
                day(today, 3, 2));
        JsonNode eightDays = ok(api().get(STATS + "?days=8", alice), 200);
        assertThat(series(eightDays)).hasSize(8).first().isEqualTo(day(today.minusDays(7), 2, 1));
        assertThat(series(ok(api().get(STATS + "?days=1", alice), 200))).containsExactly(day(today, 3, 2));
        assertThat(ok(api().get(STATS + "?days=90", alice), 200).path("series")).hasSize(90);
    }

    @Test
    void givenFreshInstallation_stats_isAllZeros_andTheInstallationRouteStillAnswers() {
        Who bob = Who.newUser("bob");
        install(bob, "analytics", null);

        JsonNode stats = ok(api().get(STATS, bob), 200);

        assertThat(stats.path("totalMessages").asLong()).isZero();
        assertThat(stats.path("uniqueUsers").asLong()).isZero();
        assertThat(stats.path("series")).hasSize(7);
        assertThat(stats.path("series").get(6).path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(ok(api().get("/api/user/plugins/analytics", bob), 200).path("plugin").asText()).isEqualTo("analytics");
    }

    @Test
    void givenBadDaysOrNoInstallation_stats_answers400or404_withAClearProblem() {
        Who carol = Who.newUser("carol");

        JsonNode missing = problem(api().get(STATS, carol), 404);
        assertThat(missing.path("detail").asText()).contains("analytics").contains("install");

        install(carol, "analytics", null);
        for (String bad : new String[]{"0", "91", "abc", "-1", "7.5"}) {
            JsonNode problem = problem(api().get(STATS + "?days=" + bad, carol), 400);
            assertThat(problem.path("detail").asText()).as(bad).contains("days").contains(bad).contains("1 to 90");
        }
        assertThat(api().get(STATS, Who.anonymous()).status()).isEqualTo(401);
    }

    private void message(Who who, LocalDate date, String userId) {
        String data = "\"at\": \"" + date + "T12:00:00Z\"" + (userId == null ? "" : ", \"userId\": \"" + userId + "\"");
        ok(api().post("/api/user/plugins/analytics/runs", who,
                "{\"input\": {\"type\": \"message.received\", \"data\": {" + data + "}}}"), 202);
    }

    /** Runs complete in the background: the store, and so the endpoint, show each once it completed. */
    private JsonNode awaitTotal(Who who, long total, String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode stats;
        do {
            stats = ok(api().get(path, who), 200);
            if (stats.path("totalMessages").asLong() == total) {
                return stats;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("totalMessages never reached " + total + ": " + stats);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> series(JsonNode stats) {
        List<String> days = new ArrayList<>();
        stats.path("series").forEach(d -> days.add(day(LocalDate.parse(d.path("date").asText()),
                d.path("messages").asLong(), d.path("users").asLong())));
        return days;
    }

    private static String day(LocalDate date, long messages, long users) {
        return date + " messages=" + messages + " users=" + users;
    }
}
