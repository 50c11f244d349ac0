package dev.plugboard.domain.settings;

import java.util.List;
import java.util.Set;

/**
 * Keeps secret values out of violation messages, which reach responses, CLI output and logs. A value
 * is masked in the messages about its own field only: masking it everywhere would let a caller
 * confirm a guessed secret by sending it as, say, a property name and watching it come back masked.
 */
final class SecretMasking {

    static final String MASK = "(secret)";

    private SecretMasking() {
    }

    static List<Violation> mask(List<Violation> violations, JsonDocument settings, Set<String> secretPointers) {
        if (secretPointers.isEmpty() || violations.isEmpty()) {
            return violations;
        }
        return violations.stream().map(violation -> {
            String secret = enclosingSecret(violation.pointer(), secretPointers);
            Object value = secret == null ? null : settings.at(secret).orElse(null);
            if (value == null) {
                return violation;
            }
            String message = violation.message();
            for (String text : List.of(String.valueOf(value), JsonCodec.writeValue(value))) {
                if (!text.isEmpty()) {
                    message = message.replace(text, MASK);
                }
            }
            return message.equals(violation.message()) ? violation
                    : new Violation(violation.pointer(), violation.keyword(), message);
        }).toList();
    }

    /** {@code violations} with every secret value of {@code settings} masked in every message, whatever its field. */
    static List<Violation> maskEverywhere(List<Violation> violations, JsonDocument settings, Set<String> secretPointers) {
        List<String> secrets = secretPointers.stream().map(pointer -> settings.at(pointer).orElse(null))
                .filter(java.util.Objects::nonNull)
                .flatMap(value -> java.util.stream.Stream.of(JsonCodec.writeValue(value), String.valueOf(value)))
                .filter(text -> !text.isEmpty()).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        if (secrets.isEmpty()) {
            return violations;
        }
        return violations.stream().map(violation -> {
            String message = violation.message();
            for (String secret : secrets) {
                message = message.replace(secret, MASK);
            }
            return message.equals(violation.message()) ? violation
                    : new Violation(violation.pointer(), violation.keyword(), message);
        }).toList();
    }

    /** The secret pointer that is {@code pointer} or one of its ancestors, or null. */
    private static String enclosingSecret(String pointer, Set<String> secretPointers) {
        for (String candidate = pointer; !candidate.isEmpty(); candidate = candidate.substring(0, Math.max(0, candidate.lastIndexOf('/')))) {
            if (secretPointers.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
