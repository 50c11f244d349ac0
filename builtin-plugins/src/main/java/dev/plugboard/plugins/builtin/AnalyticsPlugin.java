package dev.plugboard.plugins.builtin;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference plugin of seed 002 (tasks 3.3.1 and 3.3.2): counts the messages an owner receives
 * and sends, the distinct users behind them, and per-day statistics.
 *
 * <h2>Input</h2>
 * Either an event, as the event fan-out sends it —
 * {@code {"type": "message.received" | "message.sent", "data": {"userId": "...", "at": "<RFC 3339 date-time>"}}},
 * both data fields optional, {@code at} defaulting to now — or {@code {"action": "stats"}}, which
 * changes nothing. Every run's output is the current statistics:
 * <pre>{@code
 * {"totalMessages": 7, "messagesReceived": 5, "messagesSent": 2, "uniqueUsers": 3,
 *  "daily": {"2026-11-21": {"messages": 3, "users": 2}, "2026-11-22": {"messages": 4, "users": 2}}}
 * }</pre>
 * Days are UTC dates. An event dated before the retention window still counts in the totals but
 * not in {@code daily}; one dated more than a day ahead of the clock is refused as {@code INVALID_INPUT}.
 *
 * <h2>Settings</h2>
 * {@code trackUniqueUsers} (default true): when false no user id is stored anywhere, new users are
 * not counted and the daily {@code users} stay as they are (0 for an installation that never
 * tracked). {@code retentionDays} (1 to 3650, default 90): {@code daily} keeps the last
 * {@code retentionDays} UTC dates, today included; older days are pruned on every run.
 *
 * <h2>Store layout</h2>
 * All state lives in the installation's store ({@link HandlerContext#store()}), none in the handler,
 * so its writes commit only with a successful run and a retried attempt never counts twice.
 * <ul>
 *   <li>{@value #STATS_KEY} — one document, bounded by the retention window (at most
 *   {@code retentionDays} day entries of three numbers each), and the only one a stats run reads:
 *   <pre>{@code
 *   {"received": 5, "sent": 2, "uniqueUsers": 3, "nextDayId": 3,
 *    "days": {"2026-11-21": {"messages": 3, "users": 2, "id": 1}, ...}}
 *   }</pre>
 *   Each day entry gets a fresh {@code id} when it is created, so a day pruned and later re-created
 *   (retention raised again) starts its user count afresh.</li>
 *   <li>{@value #USER_PREFIX}{@code <userId>} — one small document per user ever seen (only while
 *   {@code trackUniqueUsers} is on): {@code {"firstSeen": "2026-11-21", "days": {"2026-11-22": 2}}},
 *   the days within retention on which the user was counted, each with the id of the day entry it
 *   was counted in. An event reads and writes only its own user's key, so the cost per event does
 *   not grow with the number of users, and no document holds every user id. A user counts towards
 *   a day's {@code users} when their document does not already name that day's current id; the
 *   user's stale days are pruned whenever the user is seen again.</li>
 * </ul>
 * User ids are at most {@value #MAX_USER_ID} characters, which keeps every key within the store's
 * 200-character limit.
 */
public final class AnalyticsPlugin implements PluginHandler {

    static final String STATS_KEY = "stats";
    static final String USER_PREFIX = "user:";
    static final int MAX_USER_ID = 128;
    static final String RECEIVED = "message.received";
    static final String SENT = "message.sent";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    private static final int DEFAULT_RETENTION_DAYS = 90;

    private static final PluginManifest MANIFEST = PluginManifest.builder("analytics", "1.0.0")
            .displayName("Channel Analytics")
            .description("Counts the messages you receive and send, the distinct users behind them, and daily statistics.")
            .owner("plugboard")
            .category("analytics")
            .icon("chart-bar")
            .tags(List.of("analytics", "statistics", "tracking"))
            .capabilities(List.of("event:" + RECEIVED, "event:" + SENT))
            .defaultSettings(JsonDocument.of(Map.of("trackUniqueUsers", true, "retentionDays", DEFAULT_RETENTION_DAYS)))
            .settingsSchema(JsonDocument.parse("""
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "properties": {
                        "trackUniqueUsers": {"type": "boolean", "default": true,
                          "description": "Count distinct users; when off, no user id is stored"},
                        "retentionDays": {"type": "integer", "minimum": 1, "maximum": 3650, "default": 90,
                          "description": "How many UTC days of daily statistics to keep"}
                      },
                      "additionalProperties": false
                    }"""))
            .inputSchema(JsonDocument.parse("""
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "oneOf": [
                        {
                          "required": ["type"],
                          "not": {"required": ["action"]},
                          "properties": {
                            "type": {"enum": ["message.received", "message.sent"]},
                            "data": {
                              "type": "object",
                              "properties": {
                                "userId": {"type": "string", "minLength": 1, "maxLength": 128},
                                "at": {"type": "string", "format": "date-time"}
                              }
                            }
                          }
                        },
                        {
                          "required": ["action"],
                          "properties": {"action": {"const": "stats"}},
                          "additionalProperties": false
                        }
                      ]
                    }"""))
            .outputSchema(JsonDocument.parse("""
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "required": ["totalMessages", "messagesReceived", "messagesSent", "uniqueUsers", "daily"],
                      "properties": {
                        "totalMessages": {"type": "integer", "minimum": 0},
                        "messagesReceived": {"type": "integer", "minimum": 0},
                        "messagesSent": {"type": "integer", "minimum": 0},
                        "uniqueUsers": {"type": "integer", "minimum": 0},
                        "daily": {
                          "type": "object",
                          "propertyNames": {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                          "additionalProperties": {
                            "type": "object",
                            "required": ["messages", "users"],
                            "properties": {
                              "messages": {"type": "integer", "minimum": 0},
                              "users": {"type": "integer", "minimum": 0}
                            },
                            "additionalProperties": false
                          }
                        }
                      },
                      "additionalProperties": false
                    }"""))
            .source(PluginSource.BUILTIN)
            .execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(10), RetryPolicy.DEFAULT))
            .build();

    private final Clock clock;

    /** The handler {@link java.util.ServiceLoader} creates: days by the system clock, in UTC. */
    public AnalyticsPlugin() {
        this(Clock.systemUTC());
    }

    public AnalyticsPlugin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PluginManifest manifest() {
        return MANIFEST;
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws PluginFailure {
        Settings config = Settings.of(settings);
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate oldestKept = today.minusDays(config.retentionDays() - 1L);
        Request request = Request.of(input, now);
        if (request instanceof Request.Event event) {
            context.logger().log(System.Logger.Level.DEBUG, () -> "counting " + event.type() + " of " + event.day());
        }
        // Atomically: runs of one installation count concurrently without losing each other's counts.
        return context.store().atomically(store -> {
            Stats stats = Stats.read(store.get(STATS_KEY));
            boolean changed = stats.pruneBefore(oldestKept);
            if (request instanceof Request.Event event) {
                record(event, config, oldestKept, stats, store);
                changed = true;
            }
            if (changed) {
                store.put(STATS_KEY, stats.toDocument());
            }
            return stats.toOutput();
        });
    }

    /**
     * The current statistics read straight from an installation's store, writing nothing: what a
     * {@code {"action": "stats"}} run returns, for a caller (a stats endpoint, say) that wants them
     * without starting a run. Days outside the retention window are left out, though not deleted.
     */
    public JsonDocument report(KeyValueStore store, JsonDocument settings) throws PluginFailure {
        Settings config = Settings.of(settings);
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        Stats stats = Stats.read(store.get(STATS_KEY));
        stats.pruneBefore(today.minusDays(config.retentionDays() - 1L));
        return stats.toOutput();
    }

    private static void record(Request.Event event, Settings config, LocalDate oldestKept, Stats stats, KeyValueStore store) {
        if (RECEIVED.equals(event.type())) {
            stats.received++;
        } else {
            stats.sent++;
        }
        boolean dayKept = !event.day().isBefore(oldestKept);
        Stats.Day day = dayKept ? stats.day(event.day()) : null;
        if (day != null) {
            day.messages++;
        }
        if (!config.trackUniqueUsers() || event.userId().isEmpty()) {
            return;
        }
        String key = USER_PREFIX + event.userId().get();
        Optional<JsonDocument> stored = store.get(key);
        if (stored.isEmpty()) {
            stats.uniqueUsers++;
        }
        UserRecord user = UserRecord.read(stored, event.day());
        boolean userChanged = user.pruneBefore(oldestKept)
                || stored.isEmpty() || !user.firstSeen.equals(stored.get().get("firstSeen").orElse(null));
        if (day != null && !user.countedIn(event.day(), day.id)) {
            day.users++;
            user.countIn(event.day(), day.id);
            userChanged = true;
        }
        if (userChanged) {
            store.put(key, user.toDocument());
        }
    }

    private record Settings(boolean trackUniqueUsers, int retentionDays) {

        static Settings of(JsonDocument settings) throws PluginFailure {
            Object track = settings.get("trackUniqueUsers").orElse(true);
            Object retention = settings.get("retentionDays").orElse((long) DEFAULT_RETENTION_DAYS);
            if (!(track instanceof Boolean trackUsers)) {
                throw new PluginFailure("INVALID_SETTINGS", "trackUniqueUsers must be true or false", false);
            }
            if (!(retention instanceof Long days) || days < 1 || days > 3650) {
                throw new PluginFailure("INVALID_SETTINGS", "retentionDays must be a whole number from 1 to 3650", false);
            }
            return new Settings(trackUsers, days.intValue());
        }
    }

    /** What a run asks for: record an event, or only report. */
    private sealed interface Request {

        record Report() implements Request {
        }

        record Event(String type, Optional<String> userId, LocalDate day) implements Request {
        }

        static Request of(JsonDocument input, Instant now) throws PluginFailure {
            if (input.has("action")) {
                if (!"stats".equals(input.get("action").orElse(null)) || input.asMap().size() != 1) {
                    throw invalid("the only action is {\"action\": \"stats\"}");
                }
                return new Report();
            }
            Object type = input.get("type").orElse(null);
            if (!RECEIVED.equals(type) && !SENT.equals(type)) {
                throw invalid("expected an event of type '" + RECEIVED + "' or '" + SENT + "', or {\"action\": \"stats\"}");
            }
            Object rawData = input.get("data").orElse(Map.of());
            if (!(rawData instanceof Map<?, ?> data)) {
                throw invalid("event data must be an object");
            }
            return new Event((String) type, userId(data.get("userId")), day(data.get("at"), now));
        }

        private static Optional<String> userId(Object value) throws PluginFailure {
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof String id) || id.isBlank() || id.length() > MAX_USER_ID) {
                throw invalid("data.userId must be a non-blank string of at most " + MAX_USER_ID + " characters");
            }
            return Optional.of(id);
        }

        private static LocalDate day(Object value, Instant now) throws PluginFailure {
            if (value == null) {
                return now.atOffset(ZoneOffset.UTC).toLocalDate();
            }
            if (!(value instanceof String text)) {
                throw invalid("data.at must be an RFC 3339 date-time string such as 2026-11-22T09:30:00Z");
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid("data.at must be an RFC 3339 date-time string such as 2026-11-22T09:30:00Z");
            }
            if (at.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                throw invalid("data.at " + text + " is more than a day in the future");
            }
            return at.atOffset(ZoneOffset.UTC).toLocalDate();
        }

        private static PluginFailure invalid(String message) {
            return new PluginFailure("INVALID_INPUT", message, false);
        }
    }

    /** The {@value #STATS_KEY} document, mutable while a run works on it. */
    private static final class Stats {

        long received;
        long sent;
        long uniqueUsers;
        long nextDayId;
        final TreeMap<LocalDate, Day> days = new TreeMap<>();

        static final class Day {
            long messages;
            long users;
            long id;
        }

        static Stats read(Optional<JsonDocument> stored) {
            Stats stats = new Stats();
            stats.nextDayId = 1;
            if (stored.isEmpty()) {
                return stats;
            }
            JsonDocument document = stored.get();
            stats.received = number(document.get("received"));
            stats.sent = number(document.get("sent"));
            stats.uniqueUsers = number(document.get("uniqueUsers"));
            stats.nextDayId = Math.max(1, number(document.get("nextDayId")));
            if (document.get("days").orElse(null) instanceof Map<?, ?> days) {
                days.forEach((date, entry) -> {
                    if (entry instanceof Map<?, ?> fields) {
                        Day day = new Day();
                        day.messages = number(Optional.ofNullable(fields.get("messages")));
                        day.users = number(Optional.ofNullable(fields.get("users")));
                        day.id = number(Optional.ofNullable(fields.get("id")));
                        stats.days.put(LocalDate.parse((String) date), day);
                    }
                });
            }
            return stats;
        }

        /** The entry of a day, created with a fresh id when missing. */
        Day day(LocalDate date) {
            return days.computeIfAbsent(date, missing -> {
                Day day = new Day();
                day.id = nextDayId++;
                return day;
            });
        }

        boolean pruneBefore(LocalDate oldestKept) {
            Map<LocalDate, Day> old = days.headMap(oldestKept);
            boolean pruned = !old.isEmpty();
            old.clear();
            return pruned;
        }

        JsonDocument toDocument() {
            Map<String, Object> dayFields = new LinkedHashMap<>();
            days.forEach((date, day) -> dayFields.put(date.toString(),
                    fields("messages", day.messages, "users", day.users, "id", day.id)));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("received", received);
            document.put("sent", sent);
            document.put("uniqueUsers", uniqueUsers);
            document.put("nextDayId", nextDayId);
            document.put("days", dayFields);
            return JsonDocument.of(document);
        }

        JsonDocument toOutput() {
            Map<String, Object> daily = new LinkedHashMap<>();
            days.forEach((date, day) -> daily.put(date.toString(), fields("messages", day.messages, "users", day.users)));
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("totalMessages", received + sent);
            output.put("messagesReceived", received);
            output.put("messagesSent", sent);
            output.put("uniqueUsers", uniqueUsers);
            output.put("daily", daily);
            return JsonDocument.of(output);
        }
    }

    /** A {@value #USER_PREFIX}{@code <id>} document. */
    private static final class UserRecord {

        String firstSeen;
        final TreeMap<LocalDate, Long> days = new TreeMap<>();

        static UserRecord read(Optional<JsonDocument> stored, LocalDate seenOn) {
            UserRecord user = new UserRecord();
            user.firstSeen = seenOn.toString();
            stored.ifPresent(document -> {
                document.get("firstSeen").filter(String.class::isInstance).map(String.class::cast)
                        .filter(first -> first.compareTo(user.firstSeen) < 0)
                        .ifPresent(first -> user.firstSeen = first);
                if (document.get("days").orElse(null) instanceof Map<?, ?> days) {
                    days.forEach((date, id) -> user.days.put(LocalDate.parse((String) date),
                            number(Optional.ofNullable(id))));
                }
            });
            return user;
        }

        boolean countedIn(LocalDate date, long dayId) {
            return Long.valueOf(dayId).equals(days.get(date));
        }

        void countIn(LocalDate date, long dayId) {
            days.put(date, dayId);
        }

        boolean pruneBefore(LocalDate oldestKept) {
            Map<LocalDate, Long> old = days.headMap(oldestKept);
            boolean pruned = !old.isEmpty();
            old.clear();
            return pruned;
        }

        JsonDocument toDocument() {
            Map<String, Object> dayFields = new LinkedHashMap<>();
            days.forEach((date, id) -> dayFields.put(date.toString(), id));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("firstSeen", firstSeen);
            document.put("days", dayFields);
            return JsonDocument.of(document);
        }
    }

    private static long number(Optional<Object> value) {
        return value.filter(Number.class::isInstance).map(Number.class::cast).map(Number::longValue).orElse(0L);
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
