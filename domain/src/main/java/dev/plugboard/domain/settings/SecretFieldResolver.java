package dev.plugboard.domain.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds every secret value in a settings document: walks the schema along with the document, through
 * local {@code $ref}s ({@code #}, {@code #/$defs/...}, {@code #anchor}), {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code items}, {@code prefixItems} (and
 * draft-07 tuples), {@code allOf}/{@code anyOf}/{@code oneOf}, {@code if}/{@code then}/{@code else}
 * and {@code dependentSchemas}, and yields the JSON pointer of each value a {@code writeOnly: true}
 * schema applies to. A combinator branch that marks a value secret makes it secret even when
 * another branch is the one that validates: erring towards secrecy is the safe side.
 */
final class SecretFieldResolver {

    private static final List<String> IN_PLACE = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> CONDITIONAL = List.of("if", "then", "else");
    private static final List<String> REFERENCES = List.of("$ref", "$dynamicRef", "$recursiveRef");

    private final JsonNode root;
    private final ConcurrentMap<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();
    private final LocalReferences references;
    /** False when no {@code writeOnly: true} stands anywhere in the schema: then no walk can find a secret. */
    private final boolean declaresSecrets;

    SecretFieldResolver(JsonNode root) {
        this.root = root;
        this.references = new LocalReferences(root);
        this.declaresSecrets = mentionsWriteOnly(root);
    }

    /** Whether {@code writeOnly: true} stands anywhere below {@code node}, even where it is no keyword: erring towards secrecy. */
    private static boolean mentionsWriteOnly(JsonNode node) {
        if (node.isObject() && node.path("writeOnly").asBoolean(false)) {
            return true;
        }
        for (JsonNode child : node) {
            if (mentionsWriteOnly(child)) {
                return true;
            }
        }
        return false;
    }

    /** Pointers of the secret values present in {@code document}; none is inside another. */
    Set<String> secretsIn(JsonNode document) {
        if (!declaresSecrets) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>();
        walk(root, document, "", found, new HashSet<>());
        return outermost(found);
    }

    private record Visit(JsonNode schema, String pointer) {
        @Override
        public boolean equals(Object other) {
            // Identity of the schema node: two equal-looking subschemas at different places are different visits.
            return other instanceof Visit visit && visit.schema == schema && visit.pointer.equals(pointer);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema) * 31 + pointer.hashCode();
        }
    }

    private void walk(JsonNode schema, JsonNode value, String pointer, Set<String> found, Set<Visit> visited) {
        if (schema == null || !schema.isObject() || value == null || value.isMissingNode()
                || !visited.add(new Visit(schema, pointer))) {
            return;
        }
        if (schema.path("writeOnly").asBoolean(false)) {
            found.add(pointer);
            return;
        }
        for (String keyword : REFERENCES) {
            JsonNode ref = schema.get(keyword);
            if (ref != null && ref.isTextual()) {
                walk(references.resolve(ref.textValue()), value, pointer, found, visited);
            }
        }
        for (String keyword : IN_PLACE) {
            JsonNode branches = schema.get(keyword);
            if (branches != null && branches.isArray()) {
                branches.forEach(branch -> walk(branch, value, pointer, found, visited));
            }
        }
        CONDITIONAL.forEach(keyword -> walk(schema.get(keyword), value, pointer, found, visited));
        if (value.isObject()) {
            for (String keyword : List.of("dependentSchemas", "dependencies")) { // draft-07 names it dependencies
                JsonNode dependent = schema.get(keyword);
                if (dependent != null && dependent.isObject()) {
                    dependent.fields().forEachRemaining(entry -> {
                        if (value.has(entry.getKey())) {
                            walk(entry.getValue(), value, pointer, found, visited);
                        }
                    });
                }
            }
            walkMembers(schema, value, pointer, found, visited);
        } else if (value.isArray()) {
            walkElements(schema, value, pointer, found, visited);
        }
    }

    private void walkMembers(JsonNode schema, JsonNode value, String pointer, Set<String> found, Set<Visit> visited) {
        JsonNode properties = schema.get("properties");
        JsonNode patternProperties = schema.get("patternProperties");
        Iterator<Map.Entry<String, JsonNode>> members = value.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String child = JsonPointers.child(pointer, member.getKey());
            boolean declared = false;
            if (properties != null && properties.has(member.getKey())) {
                walk(properties.get(member.getKey()), member.getValue(), child, found, visited);
                declared = true;
            }
            if (patternProperties != null && patternProperties.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> candidates = patternProperties.fields();
                while (candidates.hasNext()) {
                    Map.Entry<String, JsonNode> candidate = candidates.next();
                    if (matches(candidate.getKey(), member.getKey())) {
                        walk(candidate.getValue(), member.getValue(), child, found, visited);
                        declared = true;
                    }
                }
            }
            if (!declared) {
                walk(schema.get("additionalProperties"), member.getValue(), child, found, visited);
                walk(schema.get("unevaluatedProperties"), member.getValue(), child, found, visited);
            }
        }
    }

    private void walkElements(JsonNode schema, JsonNode value, String pointer, Set<String> found, Set<Visit> visited) {
        JsonNode items = schema.get("items");
        JsonNode prefix = schema.get("prefixItems");
        JsonNode rest = items;
        if (items != null && items.isArray()) {
            // draft-07 tuple form: items is the prefix, additionalItems the rest
            prefix = items;
            rest = schema.get("additionalItems");
        }
        for (int i = 0; i < value.size(); i++) {
            String child = pointer + "/" + i;
            if (prefix != null && prefix.isArray() && i < prefix.size()) {
                walk(prefix.get(i), value.get(i), child, found, visited);
            } else {
                walk(rest, value.get(i), child, found, visited);
                walk(schema.get("unevaluatedItems"), value.get(i), child, found, visited);
            }
            // contains may match any element: each is treated as if it matched, erring towards secrecy
            walk(schema.get("contains"), value.get(i), child, found, visited);
        }
    }

    private boolean matches(String regex, String name) {
        return patterns.computeIfAbsent(regex, source -> {
            try {
                return Optional.of(Pattern.compile(source));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }).map(pattern -> pattern.matcher(name).find()).orElse(false);
    }

    /** Drops a pointer whose ancestor is already secret: the ancestor's value hides it. */
    private static Set<String> outermost(Set<String> sorted) {
        Set<String> result = new LinkedHashSet<>();
        for (String pointer : sorted) {
            if (!hasAncestorIn(result, pointer)) {
                result.add(pointer);
            }
        }
        return Set.copyOf(result);
    }

    private static boolean hasAncestorIn(Set<String> pointers, String pointer) {
        for (int slash = pointer.lastIndexOf('/'); slash > 0; slash = pointer.lastIndexOf('/', slash - 1)) {
            if (pointers.contains(pointer.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
