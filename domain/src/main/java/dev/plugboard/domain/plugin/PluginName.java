package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

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

    public static PluginName of(String value) {
        return new PluginName(value);
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
