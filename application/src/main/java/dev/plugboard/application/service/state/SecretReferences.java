package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.References;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.JsonPointers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in a state document: written as references ({@code ${env:NAME}}, {@code ${file:path}}),
 * never as values. Finds the references of a document and resolves them; names a placeholder
 * reference for a secret whose reference nobody gave.
 */
final class SecretReferences {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{(env|file):([^}]+)}$");

    private SecretReferences() {
    }

    /** Every string of {@code document} that is a reference, by JSON pointer. */
    static Map<String, String> in(JsonDocument document) {
        Map<String, String> found = new TreeMap<>();
        collect(document.asMap(), "", found);
        return found;
    }

    private static void collect(Object node, String pointer, Map<String, String> found) {
        if (node instanceof String text && REFERENCE.matcher(text).matches()) {
            found.put(pointer, text);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, JsonPointers.child(pointer, (String) key), found));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), pointer + "/" + i, found);
            }
        }
    }

    /**
     * {@code document} with each reference replaced by its value; a reference that resolves to
     * nothing is added to {@code problems} with {@code where} and its pointer, and left in place.
     */
    static JsonDocument resolved(JsonDocument document, References references, String where, List<String> problems) {
        Map<String, Object> values = new TreeMap<>();
        in(document).forEach((pointer, reference) -> {
            Matcher matcher = REFERENCE.matcher(reference);
            matcher.matches();
            Optional<String> refusal = references.refusal(matcher.group(1));
            if (refusal.isPresent()) {
                problems.add(where + " " + pointer + ": " + reference + " is refused: " + refusal.get());
                return;
            }
            Optional<String> value = references.resolve(matcher.group(1), matcher.group(2));
            if (value.isEmpty()) {
                problems.add(where + " " + pointer + ": " + reference + " resolves to nothing ("
                        + (matcher.group(1).equals("env") ? "set the environment variable " : "create the file ")
                        + matcher.group(2) + ")");
            } else {
                values.put(pointer, value.get());
            }
        });
        return document.replaceAllAt(values);
    }

    /** A reference to write for a secret nobody gave one for: an environment variable named after its place. */
    static String placeholder(String owner, String plugin, String environment, String pointer) {
        String name = ("SECRET_" + owner + "_" + plugin + ("default".equals(environment) ? "" : "_" + environment)
                + pointer).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return "${env:" + name.replaceAll("_+$", "") + "}";
    }

    static String key(String environment, String pointer) {
        return environment + "#" + pointer;
    }
}
