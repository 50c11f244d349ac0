package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;
import dev.plugboard.domain.workflow.WorkflowDefinition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a workflow's trigger config for its trigger type, adding a problem for each mistake. */
final class TriggerChecks {

    static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE", "GET");
    static final Set<String> FILTER_TYPES = Set.of("all", "text", "photo", "document", "command");
    static final int MAX_PATTERN = 200;
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "MANUAL", Set.of("dataSchema"),
            "SCHEDULE", Set.of("dataSchema", "cron", "timezone", "misfire"),
            "WEBHOOK", Set.of("dataSchema", "secret", "methods"),
            "EVENT", Set.of("dataSchema", "eventType", "filterType", "commandPrefix", "textPattern"));

    private final CronSchedules crons;
    private final SettingsPolicy policy;

    TriggerChecks(CronSchedules crons, SettingsPolicy policy) {
        this.crons = crons;
        this.policy = policy;
    }

    void check(WorkflowDefinition definition, List<Problem> problems) {
        JsonDocument config = definition.triggerConfig();
        Set<String> known = FIELDS.get(definition.triggerType().wireName());
        config.asMap().keySet().stream().filter(key -> !known.contains(key)).forEach(key ->
                problems.add(new Problem(null, "/triggerConfig/" + key, "is not a setting of a "
                        + definition.triggerType().wireName() + " trigger; use " + known.stream().sorted().toList())));
        config.get("dataSchema").ifPresent(schema -> dataSchema(schema, problems));
        switch (definition.triggerType()) {
            case SCHEDULE -> schedule(config, problems);
            case WEBHOOK -> webhook(config, problems);
            case EVENT -> event(config, problems);
            case MANUAL -> { }
        }
    }

    private void dataSchema(Object schema, List<Problem> problems) {
        if (!(schema instanceof Map<?, ?> map)) {
            problems.add(new Problem(null, "/triggerConfig/dataSchema", "must be a JSON Schema object"));
            return;
        }
        @SuppressWarnings("unchecked")
        JsonDocument document = JsonDocument.of((Map<String, ?>) map);
        policy.schemaProblems("the trigger's data schema", document)
                .forEach(problem -> problems.add(new Problem(null, "/triggerConfig/dataSchema", problem)));
    }

    private void schedule(JsonDocument config, List<Problem> problems) {
        Object cron = config.get("cron").orElse(null);
        Object zone = config.get("timezone").orElse(null);
        if (!(cron instanceof String)) {
            problems.add(new Problem(null, "/triggerConfig/cron", "a SCHEDULE trigger needs a cron expression such as "
                    + "\"0 9 * * *\" (every day at 09:00)"));
        } else if (zone != null && !(zone instanceof String)) {
            problems.add(new Problem(null, "/triggerConfig/timezone", "must be an IANA time zone such as \"Europe/Berlin\""));
        } else {
            try {
                crons.parse((String) cron, (String) zone);
            } catch (InvalidValueException e) {
                problems.add(new Problem(null, "/triggerConfig/" + ("timezone".equals(e.field()) ? "timezone" : "cron"),
                        e.getMessage()));
            }
        }
        config.get("misfire").filter(m -> !"skip".equals(m) && !"once".equals(m)).ifPresent(m ->
                problems.add(new Problem(null, "/triggerConfig/misfire", "is '" + m + "'; use 'skip' or 'once'")));
    }

    private static void webhook(JsonDocument config, List<Problem> problems) {
        config.get("methods").ifPresent(methods -> {
            if (!(methods instanceof List<?> list) || list.isEmpty()
                    || !list.stream().allMatch(m -> m instanceof String s && METHODS.contains(s))) {
                problems.add(new Problem(null, "/triggerConfig/methods", "must be a non-empty list of "
                        + METHODS.stream().sorted().toList()));
            }
        });
    }

    private static void event(JsonDocument config, List<Problem> problems) {
        Object type = config.get("eventType").orElse(null);
        if (!(type instanceof String text) || text.isBlank() || text.length() > 100) {
            problems.add(new Problem(null, "/triggerConfig/eventType", "an EVENT trigger names the event type it "
                    + "starts on, 1 to 100 characters, such as \"message.received\""));
        }
        config.get("filterType").filter(f -> !FILTER_TYPES.contains(f)).ifPresent(f ->
                problems.add(new Problem(null, "/triggerConfig/filterType", "is '" + f + "'; use one of "
                        + FILTER_TYPES.stream().sorted().toList())));
        config.get("commandPrefix").filter(p -> !(p instanceof String s) || s.isEmpty() || s.length() > 100).ifPresent(p ->
                problems.add(new Problem(null, "/triggerConfig/commandPrefix", "must be text of 1 to 100 characters")));
        config.get("textPattern").ifPresent(pattern -> {
            if (!(pattern instanceof String text) || text.isEmpty() || text.length() > MAX_PATTERN) {
                problems.add(new Problem(null, "/triggerConfig/textPattern",
                        "must be a regular expression of 1 to " + MAX_PATTERN + " characters"));
                return;
            }
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(null, "/triggerConfig/textPattern", "is not a regular expression: "
                        + e.getDescription() + " at index " + e.getIndex()));
            }
        });
    }
}
