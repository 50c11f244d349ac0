package dev.plugboard.domain.settings;

import java.util.List;
import java.util.Set;

/** Keeps secret values out of violation messages, which reach responses, CLI output and logs. */
final class SecretMasking {

    static final String MASK = "(secret)";

    /** Shortest value masked anywhere in a message; shorter ones are masked only at their own field. */
    private static final int MIN_LENGTH_ANYWHERE = 4;

    private SecretMasking() {
    }

    static List<Violation> mask(List<Violation> violations, JsonDocument settings, Set<String> secretPointers) {
        if (secretPointers.isEmpty() || violations.isEmpty()) {
            return violations;
        }
        return violations.stream().map(violation -> {
            String message = violation.message();
            for (String pointer : secretPointers) {
                Object value = settings.at(pointer).orElse(null);
                if (value == null) {
                    continue;
                }
                boolean atSecret = violation.pointer().equals(pointer) || violation.pointer().startsWith(pointer + "/");
                for (String text : List.of(String.valueOf(value), JsonCodec.writeValue(value))) {
                    if (!text.isEmpty() && (atSecret || text.length() >= MIN_LENGTH_ANYWHERE)) {
                        message = message.replace(text, MASK);
                    }
                }
            }
            return message.equals(violation.message()) ? violation
                    : new Violation(violation.pointer(), violation.keyword(), message);
        }).toList();
    }
}
