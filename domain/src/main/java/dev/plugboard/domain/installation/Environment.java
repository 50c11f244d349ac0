package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.Require;

import java.util.regex.Pattern;

/**
 * Where a server or CLI runs ({@code PLUGBOARD_ENVIRONMENT}): {@code default}, {@code staging},
 * {@code production}... An installation may hold settings overrides per environment, and a run
 * uses its installation's settings with the overrides of the environment it runs in.
 */
public record Environment(String name) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The environment of a process that names none: its runs use the base settings alone. */
    public static final Environment DEFAULT = new Environment("default");

    public Environment {
        Require.length("environment", name, 1, 32);
        Require.matches("environment", name, SLUG,
                "must be lowercase letters and digits in dash-separated words, e.g. 'staging' or 'eu-prod'");
    }

    /** {@link #DEFAULT} for a missing or blank name. */
    public static Environment of(String name) {
        return name == null || name.isBlank() ? DEFAULT : new Environment(name.strip());
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public String toString() {
        return name;
    }
}
