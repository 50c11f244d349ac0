package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.References;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state document read: the switches and installations it asks for, with every secret reference
 * resolved. Reading never stops at the first problem: each is collected, naming where it is.
 */
record DesiredState(Optional<Owner> owner, List<Switch> switches, List<Wanted> installations) {

    record Switch(PluginName plugin, boolean enabled) {
    }

    /** One installation as the document wants it; {@code references} are by {@code <environment>#<pointer>}. */
    record Wanted(String where, Owner owner, PluginName plugin, boolean enabled, JsonDocument settings,
                  Map<Environment, JsonDocument> overrides, Map<String, String> references) {
    }

    static DesiredState read(JsonDocument document, References references, List<String> problems) {
        Map<String, Object> fields = document.asMap();
        if (!StateExport.FORMAT.equals(fields.get("plugboard"))) {
            problems.add("plugboard: must be '" + StateExport.FORMAT + "' (the format this Plugboard reads), got "
                    + fields.get("plugboard"));
        }
        Optional<Owner> owner = Optional.ofNullable(fields.get("owner")).map(text -> guarded("owner", problems,
                () -> Owner.parse(String.valueOf(text))));
        List<Switch> switches = new ArrayList<>();
        list(fields, "plugins", problems).forEach(item -> {
            Map<String, Object> entry = map(item);
            PluginName name = guarded("plugins: " + entry.get("name"), problems, () -> PluginName.of(String.valueOf(entry.get("name"))));
            if (name != null) {
                switches.add(new Switch(name, !Boolean.FALSE.equals(entry.get("enabled"))));
            }
        });
        List<Wanted> wanted = new ArrayList<>();
        List<Object> items = list(fields, "installations", problems);
        for (int i = 0; i < items.size(); i++) {
            Wanted one = wanted(map(items.get(i)), i, references, problems);
            if (one != null) {
                wanted.add(one);
            }
        }
        return new DesiredState(owner, switches, wanted);
    }

    private static Wanted wanted(Map<String, Object> entry, int index, References references, List<String> problems) {
        String where = "installations[" + index + "] (" + entry.get("owner") + "/" + entry.get("plugin") + ")";
        Owner owner = guarded(where + " owner", problems, () -> Owner.parse(String.valueOf(entry.get("owner"))));
        PluginName plugin = guarded(where + " plugin", problems, () -> PluginName.of(String.valueOf(entry.get("plugin"))));
        JsonDocument settings = JsonDocument.of(map(entry.getOrDefault("settings", Map.of())));
        Map<String, String> given = new TreeMap<>();
        SecretReferences.in(settings).forEach((pointer, reference) -> given.put(SecretReferences.key("default", pointer), reference));
        JsonDocument resolved = SecretReferences.resolved(settings, references, where + " settings", problems);
        Map<Environment, JsonDocument> overrides = new TreeMap<>(java.util.Comparator.comparing(Environment::name));
        map(entry.getOrDefault("overrides", Map.of())).forEach((name, override) -> {
            Environment environment = guarded(where + " overrides", problems, () -> new Environment(name));
            if (environment != null) {
                JsonDocument document = JsonDocument.of(map(override));
                SecretReferences.in(document).forEach((pointer, reference) ->
                        given.put(SecretReferences.key(name, pointer), reference));
                overrides.put(environment, SecretReferences.resolved(document, references,
                        where + " overrides." + name, problems));
            }
        });
        if (owner == null || plugin == null) {
            return null;
        }
        return new Wanted(where, owner, plugin, !Boolean.FALSE.equals(entry.get("enabled")), resolved, overrides, given);
    }

    private static <T> T guarded(String where, List<String> problems, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> fields, String name, List<String> problems) {
        Object value = fields.getOrDefault(name, List.of());
        if (value instanceof List<?> items) {
            return (List<Object>) items;
        }
        problems.add(name + ": must be a list");
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
