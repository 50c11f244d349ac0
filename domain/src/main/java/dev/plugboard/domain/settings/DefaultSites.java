package dev.plugboard.domain.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where a schema's {@code default}s could fill a settings document in, found once when the schema is
 * compiled. Filling defaults needs networknt's walk, which costs about twice a plain validation (issue
 * 16, P5): validation walks only when a default could apply. A default of a property reached from the
 * root through {@code properties} alone applies when its parent object is present and the property is
 * missing (the walk fills missing properties only, not nulls). Any other {@code default} (under a
 * combinator, a {@code $ref}, {@code items}, even an unused one) makes every validation walk:
 * erring towards the walk keeps the effective settings the same whatever the schema.
 */
final class DefaultSites {

    private static final String DEFAULT = "default";

    private final boolean always;
    private final List<List<String>> sites;

    private DefaultSites(boolean always, List<List<String>> sites) {
        this.always = always;
        this.sites = List.copyOf(sites);
    }

    static DefaultSites of(JsonNode schema) {
        List<List<String>> sites = new ArrayList<>();
        boolean always = !collect(schema, List.of(), sites);
        return new DefaultSites(always, sites);
    }

    /** Whether walking {@code document} could fill a default in. */
    boolean mayApplyTo(JsonNode document) {
        if (always) {
            return true;
        }
        for (List<String> site : sites) {
            JsonNode parent = document;
            for (int i = 0; i < site.size() - 1 && parent != null; i++) {
                parent = parent.get(site.get(i));
            }
            if (parent != null && parent.isObject() && !parent.has(site.get(site.size() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the property paths with a default below {@code schema}; false when a default sits anywhere else. */
    private static boolean collect(JsonNode schema, List<String> path, List<List<String>> sites) {
        if (!schema.isObject()) {
            return !mentionsDefault(schema);
        }
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            if (DEFAULT.equals(keyword.getKey())) {
                if (path.isEmpty()) {
                    return false;
                }
                sites.add(path);
            } else if ("properties".equals(keyword.getKey()) && keyword.getValue().isObject()) {
                Iterator<Map.Entry<String, JsonNode>> properties = keyword.getValue().fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    List<String> child = new ArrayList<>(path);
                    child.add(property.getKey());
                    if (!collect(property.getValue(), List.copyOf(child), sites)) {
                        return false;
                    }
                }
            } else if (mentionsDefault(keyword.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsDefault(JsonNode node) {
        if (node.isObject() && node.has(DEFAULT)) {
            return true;
        }
        for (JsonNode child : node) {
            if (mentionsDefault(child)) {
                return true;
            }
        }
        return false;
    }
}
