package dev.plugboard.plugins.builtin;

import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsPluginTest {

    private static final JsonDocument DEFAULTS = JsonDocument.parse("{\"trackUniqueUsers\": true, \"retentionDays\": 90}");
    private static final JsonDocument STATS = JsonDocument.parse("{\"action\": \"stats\"}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T18:00:00Z"));
    private final AnalyticsPlugin plugin = new AnalyticsPlugin(clock);
    private final SettingsPolicy policy = new SettingsPolicy();
    private TestContext context;

    @BeforeEach
    void freshInstallation() {
        context = new TestContext();
    }

    @Test
    void knownStreamGivesExactStats() throws Exception {
        JsonDocument last = playKnownStream(DEFAULTS);

        JsonDocument expected = JsonDocument.parse("""
                {"totalMessages": 7, "messagesReceived": 5, "messagesSent": 2, "uniqueUsers": 3,
                 "daily": {"2026-11-21": {"messages": 4, "users": 2},
                           "2026-11-22": {"messages": 3, "users": 3}}}""");
        assertThat(last).isEqualTo(expected);
        assertThat(run(STATS, DEFAULTS)).isEqualTo(expected);
        assertThat(dates(last.asMap().get("daily"))).containsExactly("2026-11-21", "2026-11-22");
        assertThat(policy.violationsOf("analytics", "1.0.0", "output", plugin.manifest().outputSchema().orElseThrow(), last))
                .isEmpty();
    }

    @Test
    void everyRunReturnsTheStatsSoFar() throws Exception {
        JsonDocument first = run(received("u1", "2026-11-22T08:00:00Z"), DEFAULTS);
        assertThat(first).isEqualTo(JsonDocument.parse("""
                {"totalMessages": 1, "messagesReceived": 1, "messagesSent": 0, "uniqueUsers": 1,
                 "daily": {"2026-11-22": {"messages": 1, "users": 1}}}"""));
        JsonDocument second = run(sent(null, null), DEFAULTS);
        assertThat(second.at("/totalMessages")).contains(2L);
        assertThat(second.at("/messagesSent")).contains(1L);
        assertThat(second.at("/daily/2026-11-22/messages")).contains(2L);
        assertThat(second.at("/daily/2026-11-22/users")).contains(1L);
    }

    @Test
    void keepsItsStateInTheStoreInTheDocumentedLayout() throws Exception {
        playKnownStream(DEFAULTS);

        assertThat(context.store.entries).containsOnlyKeys("stats", "user:u1", "user:u2", "user:u3");
        assertThat(context.store.entries.get("stats")).isEqualTo(JsonDocument.parse("""
                {"received": 5, "sent": 2, "uniqueUsers": 3, "nextDayId": 3,
                 "days": {"2026-11-21": {"messages": 4, "users": 2, "id": 1},
                          "2026-11-22": {"messages": 3, "users": 3, "id": 2}}}"""));
        assertThat(context.store.entries.get("user:u1")).isEqualTo(JsonDocument.parse("""
                {"firstSeen": "2026-11-21", "days": {"2026-11-21": 1, "2026-11-22": 2}}"""));
        assertThat(context.store.entries.get("user:u3")).isEqualTo(JsonDocument.parse("""
                {"firstSeen": "2026-11-22", "days": {"2026-11-22": 2}}"""));

        // No state in the handler: a new instance over the same store carries on; another store starts afresh.
        AnalyticsPlugin another = new AnalyticsPlugin(clock);
        assertThat(another.execute(received("u4", null), DEFAULTS, context).at("/uniqueUsers")).contains(4L);
        assertThat(another.execute(STATS, DEFAULTS, new TestContext()).at("/totalMessages")).contains(0L);
    }

    @Test
    void withoutTrackingUniqueUsersNoUserIdIsStored() throws Exception {
        JsonDocument settings = JsonDocument.parse("{\"trackUniqueUsers\": false, \"retentionDays\": 90}");

        JsonDocument last = playKnownStream(settings);

        assertThat(last).isEqualTo(JsonDocument.parse("""
                {"totalMessages": 7, "messagesReceived": 5, "messagesSent": 2, "uniqueUsers": 0,
                 "daily": {"2026-11-21": {"messages": 4, "users": 0},
                           "2026-11-22": {"messages": 3, "users": 0}}}"""));
        assertThat(context.store.entries).containsOnlyKeys("stats");
        assertThat(context.store.entries.toString()).doesNotContain("u1", "u2", "u3");
    }

    @Test
    void prunesDaysOlderThanTheRetention() throws Exception {
        JsonDocument twoDays = JsonDocument.parse("{\"retentionDays\": 2}");
        run(received("u1", "2026-11-20T10:00:00Z"), twoDays);   // already outside: totals only
        run(received("u1", "2026-11-21T10:00:00Z"), twoDays);
        JsonDocument onTheDay = run(received("u2", "2026-11-22T10:00:00Z"), twoDays);

        assertThat(onTheDay).isEqualTo(JsonDocument.parse("""
                {"totalMessages": 3, "messagesReceived": 3, "messagesSent": 0, "uniqueUsers": 2,
                 "daily": {"2026-11-21": {"messages": 1, "users": 1},
                           "2026-11-22": {"messages": 1, "users": 1}}}"""));

        clock.set(Instant.parse("2026-11-23T00:00:01Z"));
        JsonDocument nextDay = run(STATS, twoDays);

        assertThat(nextDay.at("/daily")).contains(Map.of("2026-11-22", Map.of("messages", 1L, "users", 1L)));
        assertThat(nextDay.at("/totalMessages")).contains(3L);
        assertThat(nextDay.at("/uniqueUsers")).contains(2L);
        assertThat(context.store.entries.get("stats").at("/days/2026-11-21")).isEmpty();

        // The user's own record drops the pruned day the next time the user is seen.
        run(received("u1", "2026-11-23T09:00:00Z"), twoDays);
        assertThat(context.store.entries.get("user:u1").at("/days")).contains(Map.of("2026-11-23", 3L));
    }

    @Test
    void aDayPrunedAndRecreatedCountsItsUsersAfresh() throws Exception {
        JsonDocument threeDays = JsonDocument.parse("{\"retentionDays\": 3}");
        run(received("u1", "2026-11-20T10:00:00Z"), threeDays);
        run(STATS, JsonDocument.parse("{\"retentionDays\": 1}"));   // prunes 2026-11-20

        JsonDocument again = run(received("u1", "2026-11-20T11:00:00Z"), threeDays);

        assertThat(again.at("/daily/2026-11-20")).contains(Map.of("messages", 1L, "users", 1L));
        assertThat(again.at("/uniqueUsers")).contains(1L);
    }

    @Test
    void daysAreUtcDates() throws Exception {
        JsonDocument stats = run(received("u1", "2026-11-22T00:30:00+02:00"), DEFAULTS);

        assertThat(stats.at("/daily")).contains(Map.of("2026-11-21", Map.of("messages", 1L, "users", 1L)));
    }

    @Test
    void anEventWithoutDataCountsNowWithoutAUser() throws Exception {
        JsonDocument stats = run(JsonDocument.parse("{\"type\": \"message.received\"}"), DEFAULTS);

        assertThat(stats).isEqualTo(JsonDocument.parse("""
                {"totalMessages": 1, "messagesReceived": 1, "messagesSent": 0, "uniqueUsers": 0,
                 "daily": {"2026-11-22": {"messages": 1, "users": 0}}}"""));
    }

    @Test
    void theStatsActionReportsWithoutWriting() throws Exception {
        assertThat(run(STATS, DEFAULTS)).isEqualTo(JsonDocument.parse("""
                {"totalMessages": 0, "messagesReceived": 0, "messagesSent": 0, "uniqueUsers": 0, "daily": {}}"""));
        assertThat(context.store.writes).isZero();

        JsonDocument afterEvents = playKnownStream(DEFAULTS);
        int writes = context.store.writes;

        assertThat(run(STATS, DEFAULTS)).isEqualTo(afterEvents);
        assertThat(context.store.writes).isEqualTo(writes);
    }

    @Test
    void reportReadsTheStatsWithoutARunAndWithoutWriting() throws Exception {
        JsonDocument afterEvents = playKnownStream(DEFAULTS);
        int writes = context.store.writes;

        assertThat(plugin.report(context.store, DEFAULTS)).isEqualTo(afterEvents);
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(plugin.report(context.store, JsonDocument.parse("{\"retentionDays\": 1}")).at("/daily"))
                .contains(Map.of());
        assertThat(context.store.writes).isEqualTo(writes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"type\": \"message.deleted\", \"data\": {}}",
            "{\"type\": 7}",
            "{\"type\": \"message.received\", \"data\": \"hello\"}",
            "{\"type\": \"message.received\", \"data\": {\"userId\": 42}}",
            "{\"type\": \"message.received\", \"data\": {\"userId\": \"  \"}}",
            "{\"type\": \"message.received\", \"data\": {\"at\": \"yesterday\"}}",
            "{\"type\": \"message.received\", \"data\": {\"at\": \"2026-11-22\"}}",
            "{\"type\": \"message.received\", \"data\": {\"at\": 1763800000}}",
            "{\"type\": \"message.sent\", \"data\": {\"at\": \"2026-12-01T00:00:00Z\"}}",
            "{\"action\": \"reset\"}",
            "{\"action\": \"stats\", \"extra\": 1}",
            "{\"action\": \"stats\", \"type\": \"message.sent\"}"
    })
    void refusesInvalidInputWithoutWriting(String input) {
        assertThatThrownBy(() -> run(JsonDocument.parse(input), DEFAULTS))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("INVALID_INPUT");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isNotBlank();
                });
        assertThat(context.store.writes).isZero();
    }

    @Test
    void refusesAUserIdTooLongForTheStore() {
        JsonDocument input = event("message.received", "u".repeat(AnalyticsPlugin.MAX_USER_ID + 1), null);

        assertThatThrownBy(() -> run(input, DEFAULTS))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> assertThat(failure.code()).isEqualTo("INVALID_INPUT"));
        assertThat(context.store.writes).isZero();
    }

    @Test
    void acceptsTheLongestUserId() throws Exception {
        run(event("message.received", "u".repeat(AnalyticsPlugin.MAX_USER_ID), null), DEFAULTS);

        assertThat(context.store.entries).hasSize(2);
    }

    @Test
    void refusesUnusableSettings() {
        assertThatThrownBy(() -> run(STATS, JsonDocument.parse("{\"retentionDays\": 0}")))
                .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("INVALID_SETTINGS");
                    assertThat(failure.retryable()).isFalse();
                });
    }

    @Test
    void theInputSchemaTakesWhatTheEventFanOutSendsAndTheStatsAction() {
        PluginManifest manifest = plugin.manifest();
        JsonDocument schema = manifest.inputSchema().orElseThrow();

        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                received("u1", "2026-11-22T10:00:00Z"))).isEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                JsonDocument.parse("{\"type\": \"message.sent\", \"data\": {}}"))).isEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema, STATS)).isEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                JsonDocument.parse("{\"type\": \"message.deleted\"}"))).isNotEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                JsonDocument.parse("{\"action\": \"reset\"}"))).isNotEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                JsonDocument.parse("{\"type\": \"message.sent\", \"action\": \"stats\"}"))).isNotEmpty();
        assertThat(policy.violationsOf("analytics", "1.0.0", "input", schema,
                JsonDocument.parse("{\"type\": \"message.sent\", \"data\": {\"userId\": 5}}"))).isNotEmpty();
    }

    /**
     * 5 received from 3 users over 2 days, and 2 sent: 2026-11-21 has u1, u2, u1 received and one
     * sent without a user; 2026-11-22 has u3, u1 received and one sent to u2.
     */
    private JsonDocument playKnownStream(JsonDocument settings) throws Exception {
        run(received("u1", "2026-11-21T09:00:00Z"), settings);
        run(received("u2", "2026-11-21T10:00:00Z"), settings);
        run(received("u1", "2026-11-21T23:59:59Z"), settings);
        run(sent(null, "2026-11-21T12:00:00Z"), settings);
        run(received("u3", "2026-11-22T00:00:00Z"), settings);
        run(received("u1", "2026-11-22T07:00:00Z"), settings);
        return run(sent("u2", "2026-11-22T08:00:00Z"), settings);
    }

    private JsonDocument run(JsonDocument input, JsonDocument settings) throws Exception {
        return plugin.execute(input, DEFAULTS.mergedWith(settings), context);
    }

    private static JsonDocument received(String userId, String at) {
        return event("message.received", userId, at);
    }

    private static JsonDocument sent(String userId, String at) {
        return event("message.sent", userId, at);
    }

    private static JsonDocument event(String type, String userId, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (userId != null) {
            data.put("userId", userId);
        }
        if (at != null) {
            data.put("at", at);
        }
        return JsonDocument.of(Map.of("type", type, "data", data));
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> dates(Object daily) {
        return new java.util.ArrayList<>(((Map<String, Object>) daily).keySet());
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
