package dev.plugboard.bootstrap.launch;

import dev.plugboard.bootstrap.launch.ConfigurationKeys.Key;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before anything starts, a configuration Plugboard would misread: a {@code plugboard.*}
 * key or {@code PLUGBOARD_*} variable it does not know (with the closest known one as a
 * suggestion), or a value not of its key's form ({@code PLUGBOARD_PORT=abc}).
 */
final class ConfigurationCheck {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final int LONGEST_VALUE_ECHOED = 40;

    private ConfigurationCheck() {
    }

    /**
     * @param environment the started environment of the launch probe (files, system properties, overrides)
     * @param variables   the process environment
     * @throws InvalidConfigurationException naming the first key or value that is wrong
     */
    static void check(Environment environment, Map<String, String> variables) {
        Map<String, String> present = new LinkedHashMap<>();
        variables.keySet().stream().sorted().filter(name -> name.startsWith("PLUGBOARD_"))
                .filter(name -> !ConfigurationKeys.OTHER_VARIABLES.contains(name) && !name.startsWith(ConfigurationKeys.TEST_VARIABLES))
                .forEach(name -> present.put(propertyOf(name), name));
        for (PropertySource source : environment.getPropertySources()) {
            if (EnvironmentPropertySource.NAME.equals(source.getName())) {
                continue; // checked above by variable name, which is what the operator wrote
            }
            for (String property : source) {
                if (property.startsWith("plugboard.")) {
                    present.putIfAbsent(property.replaceAll("\\[\\d+]$", ""), property + " (in " + sourceName(source) + ")");
                }
            }
        }
        present.forEach((property, origin) -> checkValue(property, origin,
                // A variable's own text is what the operator wrote; a file's value may itself name a placeholder.
                variables.containsKey(origin) ? Optional.of(variables.get(origin)) : environment.getProperty(property, String.class)));
    }

    /** A config file is named by its path; Micronaut calls the -D properties "system". */
    private static String sourceName(PropertySource source) {
        return "system".equals(source.getName()) ? "a -D system property" : source.getName();
    }

    private static String propertyOf(String variable) {
        Key key = ConfigurationKeys.forVariable(variable).orElseThrow(() -> new InvalidConfigurationException(
                "unknown configuration variable " + variable + "; did you mean " + closestVariable(variable) + "?"));
        return key.map() ? key.name() + "." + variable.substring(key.variable().length() + 1).toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : key.name();
    }

    private static void checkValue(String property, String origin, Optional<String> value) {
        Key key = ConfigurationKeys.forProperty(property).orElseThrow(() -> new InvalidConfigurationException(
                "unknown configuration key " + origin + "; did you mean " + closestProperty(property) + "?"));
        if (value.isEmpty() || key.type().accepts(value.get())) {
            return;
        }
        String where = origin.startsWith("PLUGBOARD_") ? origin : property;
        String shown = key.type().echoable() ? "=" + shorten(value.get()) : "";
        throw new InvalidConfigurationException("invalid value " + where + shown + ": expected " + key.type().expected());
    }

    private static String closestProperty(String property) {
        Key closest = ConfigurationKeys.KEYS.stream()
                .min(Comparator.<Key>comparingInt(key -> DISTANCE.apply(property, key.map() ? key.name() + "." : key.name()))
                        .thenComparing(key -> !key.name().startsWith(property))) // a shortened name: the key it begins
                .orElseThrow();
        return closest.map() ? closest.name() + ".<name>" : closest.name();
    }

    private static String closestVariable(String variable) {
        Key closest = ConfigurationKeys.KEYS.stream()
                .min(Comparator.<Key>comparingInt(key -> DISTANCE.apply(variable, key.variable()))
                        .thenComparing(key -> !key.variable().startsWith(variable))).orElseThrow();
        return (closest.map() ? closest.variable() + "_<NAME>" : closest.variable()) + " (" + closest.name() + ")";
    }

    private static String shorten(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > LONGEST_VALUE_ECHOED ? clean.substring(0, LONGEST_VALUE_ECHOED) + "..." : clean;
    }
}
