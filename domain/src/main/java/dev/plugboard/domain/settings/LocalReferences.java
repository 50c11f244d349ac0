package dev.plugboard.domain.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves a schema's local references ({@code #}, {@code #/$defs/...} JSON pointers with their
 * %-escapes, {@code #anchor} and {@code $dynamicAnchor} names) to the subschema they name; anchors
 * are found once and remembered. Remote references never get here: the compiler refuses them.
 */
final class LocalReferences {

    private final JsonNode root;
    private final ConcurrentMap<String, Optional<JsonNode>> anchors = new ConcurrentHashMap<>();

    LocalReferences(JsonNode root) {
        this.root = root;
    }

    /** A local reference's target, or null for one that does not resolve (the validator reports it). */
    JsonNode resolve(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (ref.startsWith("#/")) {
            JsonNode target = root;
            for (String token : JsonPointers.tokens(percentDecoded(ref).substring(1))) {
                target = target.isArray() && token.chars().allMatch(Character::isDigit) && !token.isEmpty()
                        ? target.get(Integer.parseInt(token)) : target.get(token);
                if (target == null) {
                    return null;
                }
            }
            return target;
        }
        if (ref.startsWith("#")) {
            return anchors.computeIfAbsent(ref.substring(1), name -> Optional.ofNullable(anchor(root, name))).orElse(null);
        }
        return null;
    }

    /** A reference with its %-escapes decoded ({@code %25} is '%'); '+' stays '+', unlike form decoding. */
    private static String percentDecoded(String ref) {
        try {
            String fragment = java.net.URI.create(ref).getFragment();
            return fragment == null ? ref : "#" + fragment;
        } catch (IllegalArgumentException e) {
            return ref;
        }
    }

    private static JsonNode anchor(JsonNode node, String name) {
        if (node == null || !(node.isObject() || node.isArray())) {
            return null;
        }
        if (node.isObject() && (name.equals(node.path("$anchor").asText(null))
                || name.equals(node.path("$dynamicAnchor").asText(null)))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = anchor(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

}
