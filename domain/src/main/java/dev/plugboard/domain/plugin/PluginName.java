package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.util.Set;
import java.util.regex.Pattern;

/** A plugin's slug: lowercase letters and digits in dash-separated words, 2 to 64 characters. */
public record PluginName(String value) implements Comparable<PluginName> {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public PluginName {
        if (value == null) {
            throw new InvalidValueException("plugin name", null, "is required");
        }
        Require.length("plugin name", value, 2, 64);
        Require.matches("plugin name", value, SLUG,
                "use lowercase letters, digits and single dashes between words, e.g. 'daily-digest'");
    }

    /**
     * Words the REST API uses where a plugin's name would stand ({@code /api/plugins/NAME},
     * {@code /api/user/plugins/NAME}, {@code /api/admin/plugins/NAME}): a plugin of that name
     * would be shadowed by the route. {@code RouteNamesTest} (adapters-rest) keeps this list
     * equal to the routes.
     */
    public static final Set<String> RESERVED = Set.of("circuits", "health", "sync");

    public static PluginName of(String value) {
        return new PluginName(value);
    }

    /** Refuses a name the REST routes would shadow; checked when a plugin is registered, not on look-ups. */
    public PluginName requireRegistrable() {
        if (RESERVED.contains(value)) {
            throw new InvalidValueException("plugin name", value, "is a word of the REST API's routes (reserved: "
                    + String.join(", ", RESERVED.stream().sorted().toList()) + "); choose another, e.g. '" + value + "-plugin'");
        }
        return this;
    }

    @Override
    public int compareTo(PluginName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
