package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One step a manifest declares ({@code settingsMigrations}) to carry stored settings over to its
 * settings schema: rename a top-level field, give a missing field a default, or drop a field. Each
 * step changes only what it names and only when there is something to change, so applying the
 * steps again changes nothing. Fields that hold a sealed secret are left alone.
 *
 * @param kind  what the step does
 * @param field the field it acts on ({@code from} of a rename)
 * @param to    the new name of a rename; null otherwise
 * @param value the default's value; null otherwise
 */
public record SettingsMigration(Kind kind, String field, String to, Object value) {

    /** The three kinds of step, named as in a manifest. */
    public enum Kind { RENAME, DEFAULT, DROP }

    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]{0,99}$");

    public SettingsMigration {
        Require.present("settings migration kind", kind);
        field = fieldName(field);
        if (kind == Kind.RENAME) {
            to = fieldName(to);
            if (to.equals(field)) {
                throw new InvalidValueException("settingsMigrations rename", field, "renames a field to itself");
            }
        }
        if (kind == Kind.DEFAULT && value == null) {
            throw new InvalidValueException("settingsMigrations default", field, "needs a 'value'");
        }
    }

    private static String fieldName(String name) {
        return Require.matches("settings field", Require.nonBlank("settings field", name), FIELD,
                "name a top-level settings field, e.g. 'apiKey'");
    }

    public static SettingsMigration rename(String from, String to) {
        return new SettingsMigration(Kind.RENAME, from, to, null);
    }

    public static SettingsMigration defaultValue(String field, Object value) {
        return new SettingsMigration(Kind.DEFAULT, field, null, value);
    }

    public static SettingsMigration drop(String field) {
        return new SettingsMigration(Kind.DROP, field, null, null);
    }

    /**
     * The settings after this step; the same document when it has nothing to do.
     *
     * @param sealed JSON pointers of the sealed secrets, which no step touches
     */
    public JsonDocument applyTo(JsonDocument settings, Set<String> sealed) {
        if (sealed.contains("/" + field) || (to != null && sealed.contains("/" + to))) {
            return settings;
        }
        Map<String, Object> fields = new LinkedHashMap<>(settings.asMap());
        switch (kind) {
            case RENAME -> {
                if (!fields.containsKey(field) || fields.containsKey(to)) {
                    return settings;
                }
                fields.put(to, fields.remove(field));
            }
            case DEFAULT -> {
                if (fields.containsKey(field)) {
                    return settings;
                }
                fields.put(field, value);
            }
            case DROP -> {
                if (fields.remove(field) == null) {
                    return settings;
                }
            }
        }
        return JsonDocument.of(fields);
    }

    /** The settings after every step, in order. */
    public static JsonDocument applyAll(List<SettingsMigration> steps, JsonDocument settings, Set<String> sealed) {
        JsonDocument migrated = settings;
        for (SettingsMigration step : steps) {
            migrated = step.applyTo(migrated, sealed);
        }
        return migrated;
    }

    /** The steps of a manifest's {@code settingsMigrations}: a list of {@code {rename: {from, to}}}, {@code {default: {field, value}}} or {@code {drop: field}}. */
    public static List<SettingsMigration> read(Object document) {
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof List<?> steps)) {
            throw new InvalidValueException("settingsMigrations", document, "must be a list of steps: "
                    + "{rename: {from: a, to: b}}, {default: {field: a, value: ...}} or {drop: a}");
        }
        return steps.stream().map(SettingsMigration::readStep).toList();
    }

    private static SettingsMigration readStep(Object step) {
        if (!(step instanceof Map<?, ?> map) || map.size() != 1) {
            throw new InvalidValueException("settingsMigrations step", step,
                    "must have exactly one of 'rename', 'default' or 'drop'");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        Object body = entry.getValue();
        return switch (String.valueOf(entry.getKey())) {
            case "rename" -> rename(part(body, "rename", "from"), part(body, "rename", "to"));
            case "default" -> defaultValue(part(body, "default", "field"), body instanceof Map<?, ?> m ? m.get("value") : null);
            case "drop" -> drop(body instanceof String name ? name : null);
            default -> throw new InvalidValueException("settingsMigrations step", entry.getKey(),
                    "is not a step; use 'rename', 'default' or 'drop'");
        };
    }

    private static String part(Object body, String step, String key) {
        if (body instanceof Map<?, ?> map && map.get(key) instanceof String text) {
            return text;
        }
        throw new InvalidValueException("settingsMigrations " + step + "." + key, body, "must be a field name");
    }

    /** The step as a manifest writes it. */
    public Map<String, Object> write() {
        return switch (kind) {
            case RENAME -> Map.of("rename", Map.of("from", field, "to", to));
            case DEFAULT -> Map.of("default", Map.of("field", field, "value", value));
            case DROP -> Map.of("drop", field);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RENAME -> "rename " + field + " -> " + to;
            case DEFAULT -> "default " + field + " = " + JsonDocument.of(Map.of("v", value)).toJson()
                    .replaceFirst("^\\{\"v\":", "").replaceFirst("}$", "");
            case DROP -> "drop " + field;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SettingsMigration that && kind == that.kind && field.equals(that.field)
                && Objects.equals(to, that.to) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, field, to, value);
    }
}
