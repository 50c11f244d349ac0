package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.time.Durations;

import java.math.BigDecimal;
import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;



/**
 * Reads the manifest format ({@code plugin.yaml}, or the same fields as a JSON body) from a parsed
 * document into a {@link PluginManifest}. Every error names the field in the file, and unknown
 * fields are refused so a typo does not pass silently.
 *
 * <pre>
 * name: webhook                 # required
 * version: 1.2.0                # required
 * displayName: Outgoing webhook # default: the name
 * description, owner, icon, category (default general), tags, capabilities
 * schemaVersion: v1
 * defaultSettings: {...}
 * settingsSchema: {...}         # default {"type": "object"}
 * inputSchema / outputSchema: {...}
 * dependencies: {analytics: "^1.0.0"}   # or a list of {plugin, range}
 * installedFrom: GIT_REPOSITORY # the origin: MARKETPLACE, GIT_REPOSITORY, NPM_REGISTRY, LOCAL_FILE, DOCKER_REGISTRY, INTERNAL, CUSTOM
 * sourceUrl: https://github.com/acme/webhook   # optional, with installedFrom
 * execution: {mode: in-process | external | process, timeout: 30s,
 *             retry: {maxAttempts: 3, initialBackoff: 1s, maxBackoff: 1m, multiplier: 2, nonRetryableCodes: [...]}}
 * </pre>
 */
public final class ManifestDocument {

    private static final Set<String> FIELDS = Set.of("name", "version", "displayName", "description", "owner",
            "schemaVersion", "capabilities", "category", "tags", "icon", "defaultSettings", "settingsSchema",
            "inputSchema", "outputSchema", "dependencies", "execution", "settingsMigrations", "installedFrom", "sourceUrl");
    private static final Set<String> EXECUTION_FIELDS = Set.of("mode", "timeout", "retry", "startTimeout", "maxConcurrentPerOwner");
    private static final Set<String> RETRY_FIELDS = Set.of("maxAttempts", "initialBackoff", "maxBackoff", "multiplier",
            "nonRetryableCodes");

    private ManifestDocument() {
    }

    /**
     * @param document the parsed manifest
     * @param source   where it came from
     * @throws InvalidValueException naming the offending field, e.g. {@code execution.timeout}
     */
    public static PluginManifest read(JsonDocument document, PluginSource source) {
        Map<String, Object> fields = document.asMap();
        refuseUnknown("", fields, FIELDS);
        PluginManifest.Builder builder = PluginManifest.builder(text(fields, "name", true), text(fields, "version", true));
        optionalText(fields, "displayName").ifPresent(builder::displayName);
        optionalText(fields, "description").ifPresent(builder::description);
        optionalText(fields, "owner").ifPresent(builder::owner);
        optionalText(fields, "schemaVersion").ifPresent(builder::schemaVersion);
        optionalText(fields, "category").ifPresent(builder::category);
        optionalText(fields, "icon").ifPresent(builder::icon);
        builder.tags(strings(fields, "tags"));
        builder.capabilities(strings(fields, "capabilities"));
        object(fields, "defaultSettings").ifPresent(builder::defaultSettings);
        object(fields, "settingsSchema").ifPresent(builder::settingsSchema);
        object(fields, "inputSchema").ifPresent(builder::inputSchema);
        object(fields, "outputSchema").ifPresent(builder::outputSchema);
        builder.dependencies(dependencies(fields.get("dependencies")));
        builder.execution(execution(fields.get("execution")));
        builder.settingsMigrations(SettingsMigration.read(fields.get("settingsMigrations")));
        PluginOrigin.of(optionalText(fields, "installedFrom"), optionalText(fields, "sourceUrl")).ifPresent(builder::origin);
        builder.source(source);
        return builder.build();
    }

    /** The manifest document as {@link #read} reads it, for storing and showing. */
    public static JsonDocument write(PluginManifest manifest) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", manifest.name().value());
        fields.put("version", manifest.version().toString());
        fields.put("displayName", manifest.displayName());
        fields.put("description", manifest.description());
        fields.put("owner", manifest.owner());
        fields.put("schemaVersion", manifest.schemaVersion());
        fields.put("category", manifest.category());
        fields.put("tags", manifest.tags());
        fields.put("capabilities", manifest.capabilities());
        manifest.icon().ifPresent(icon -> fields.put("icon", icon));
        fields.put("defaultSettings", manifest.defaultSettings().asMap());
        fields.put("settingsSchema", manifest.settingsSchema().asMap());
        manifest.inputSchema().ifPresent(schema -> fields.put("inputSchema", schema.asMap()));
        manifest.outputSchema().ifPresent(schema -> fields.put("outputSchema", schema.asMap()));
        Map<String, Object> dependencies = new java.util.LinkedHashMap<>();
        manifest.dependencies().forEach(d -> dependencies.put(d.plugin().value(), d.range().toString()));
        fields.put("dependencies", dependencies);
        ExecutionPolicy execution = manifest.execution();
        RetryPolicy retry = execution.retry();
        Map<String, Object> executionFields = new java.util.LinkedHashMap<>();
        executionFields.put("mode", execution.mode().manifestName());
        executionFields.put("timeout", execution.timeout().toString());
        executionFields.put("startTimeout", execution.startTimeout().toString());
        execution.perOwnerLimit().ifPresent(limit -> executionFields.put("maxConcurrentPerOwner", limit));
        executionFields.put("retry", Map.of("maxAttempts", retry.maxAttempts(), "initialBackoff", retry.initialBackoff().toString(),
                "maxBackoff", retry.maxBackoff().toString(), "multiplier", BigDecimal.valueOf(retry.multiplier()),
                "nonRetryableCodes", retry.nonRetryableCodes().stream().sorted().toList()));
        fields.put("execution", executionFields);
        fields.put("settingsMigrations", manifest.settingsMigrations().stream().map(SettingsMigration::write).toList());
        manifest.origin().ifPresent(origin -> {
            fields.put("installedFrom", origin.installedFrom().name());
            origin.sourceUrl().ifPresent(url -> fields.put("sourceUrl", url));
        });
        return JsonDocument.of(fields);
    }

    private static void refuseUnknown(String prefix, Map<String, ?> fields, Set<String> known) {
        for (String field : fields.keySet()) {
            if (!known.contains(field)) {
                HookFields.refuse(prefix + field, field);
                throw new InvalidValueException("manifest field", prefix + field,
                        "is not a manifest field; known fields are " + known.stream().sorted().toList());
            }
        }
    }

    private static String text(Map<String, Object> fields, String field, boolean required) {
        Object value = fields.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidValueException(field, null, "is required in a manifest");
            }
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new InvalidValueException(field, value, "must be text");
    }

    private static Optional<String> optionalText(Map<String, Object> fields, String field) {
        return Optional.ofNullable(text(fields, field, false));
    }

    private static List<String> strings(Map<String, Object> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidValueException(field, value, "must be a list of text, e.g. [one, two]");
        }
        List<String> strings = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw new InvalidValueException(field, element, "must be a list of text, e.g. [one, two]");
            }
            strings.add(text);
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Optional<JsonDocument> object(Map<String, Object> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException(field, value, "must be an object");
        }
        return Optional.of(JsonDocument.of((Map<String, ?>) map));
    }

    private static List<Dependency> dependencies(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((plugin, range) -> dependencies.add(dependency(plugin, range)));
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!(element instanceof Map<?, ?> entry)) {
                    throw new InvalidValueException("dependencies", element, "each entry is {plugin: name, range: '^1.0.0'}");
                }
                dependencies.add(dependency(entry.get("plugin"), entry.get("range")));
            }
        } else {
            throw new InvalidValueException("dependencies", value, "write {name: '^1.0.0', ...} or a list of {plugin, range}");
        }
        return dependencies;
    }

    private static Dependency dependency(Object plugin, Object range) {
        if (!(plugin instanceof String name)) {
            throw new InvalidValueException("dependencies", plugin, "a dependency names a plugin");
        }
        return Dependency.of(name, range == null ? "*" : String.valueOf(range));
    }

    private static ExecutionPolicy execution(Object value) {
        if (value == null) {
            return ExecutionPolicy.DEFAULT;
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new InvalidValueException("execution", value, "must be an object such as {mode: external, timeout: 30s}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        refuseUnknown("execution.", map, EXECUTION_FIELDS);
        ExecutionMode mode = mode(map.get("mode"));
        Duration timeout = map.containsKey("timeout") ? duration("execution.timeout", map.get("timeout")) : ExecutionPolicy.DEFAULT_TIMEOUT;
        Duration startTimeout = map.containsKey("startTimeout") ? duration("execution.startTimeout", map.get("startTimeout"))
                : ExecutionPolicy.DEFAULT_START_TIMEOUT;
        int perOwner = ExecutionPolicy.UNLIMITED;
        if (map.containsKey("maxConcurrentPerOwner")) {
            perOwner = wholeNumber("execution.maxConcurrentPerOwner", map.get("maxConcurrentPerOwner"));
            if (perOwner < 1) {
                throw new InvalidValueException("execution.maxConcurrentPerOwner", perOwner, "must be at least 1; leave it out for no limit");
            }
        }
        return new ExecutionPolicy(mode, timeout, retry(map.get("retry")), startTimeout, perOwner);
    }

    private static ExecutionMode mode(Object value) {
        if (value == null) {
            return ExecutionMode.IN_PROCESS;
        }
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "in-process" -> ExecutionMode.IN_PROCESS;
            case "external" -> ExecutionMode.EXTERNAL;
            case "process" -> ExecutionMode.PROCESS;
            default -> throw new InvalidValueException("execution.mode", value, "use 'in-process', 'external' or 'process'");
        };
    }

    @SuppressWarnings("unchecked")
    private static RetryPolicy retry(Object value) {
        if (value == null) {
            return RetryPolicy.DEFAULT;
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new InvalidValueException("execution.retry", value, "must be an object such as {maxAttempts: 3}");
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        refuseUnknown("execution.retry.", map, RETRY_FIELDS);
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        int maxAttempts = map.containsKey("maxAttempts") ? wholeNumber("execution.retry.maxAttempts", map.get("maxAttempts"))
                : defaults.maxAttempts();
        Duration initial = map.containsKey("initialBackoff") ? duration("execution.retry.initialBackoff", map.get("initialBackoff"))
                : defaults.initialBackoff();
        Duration max = map.containsKey("maxBackoff") ? duration("execution.retry.maxBackoff", map.get("maxBackoff"))
                : defaults.maxBackoff();
        double multiplier = map.containsKey("multiplier") ? number("execution.retry.multiplier", map.get("multiplier"))
                : defaults.multiplier();
        Set<String> codes = map.containsKey("nonRetryableCodes")
                ? Set.copyOf(strings(map, "nonRetryableCodes")) : defaults.nonRetryableCodes();
        return new RetryPolicy(maxAttempts, initial, max, multiplier, codes);
    }

    private static int wholeNumber(String field, Object value) {
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new InvalidValueException(field, value, "must be a whole number");
    }

    private static double number(String field, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new InvalidValueException(field, value, "must be a number");
    }

    /** A duration in Plugboard's one grammar ({@link Durations}); a YAML number is no duration, it has no unit. */
    private static Duration duration(String field, Object value) {
        return Durations.parse(field, String.valueOf(value));
    }
}
