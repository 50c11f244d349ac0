package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.Violation;

import java.util.List;

/**
 * Whether an installation's stored settings still satisfy its plugin's schema. A schema change
 * that breaks them puts the installation in {@code needs_attention} with the violations found;
 * the owner's next valid settings clear it. No attention needed: no violations.
 *
 * @param violations why the stored settings no longer validate, sorted; empty when they do
 */
public record Attention(List<Violation> violations) {

    private static final Attention NONE = new Attention(List.of());

    public Attention {
        violations = List.copyOf(Require.present("violations", violations)).stream().sorted().toList();
    }

    public static Attention none() {
        return NONE;
    }

    /** Attention for these violations; {@link #none()} when there are none. */
    public static Attention of(List<Violation> violations) {
        return violations.isEmpty() ? NONE : new Attention(violations);
    }

    public boolean needed() {
        return !violations.isEmpty();
    }

    /** Why the stored settings no longer validate, as one line. */
    public String summary() {
        return String.join("; ", violations.stream().map(Violation::toString).toList());
    }
}
