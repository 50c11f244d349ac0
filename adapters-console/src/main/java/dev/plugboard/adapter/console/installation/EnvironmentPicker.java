package dev.plugboard.adapter.console.installation;

import dev.plugboard.domain.installation.Environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which settings the settings page edits: the base ({@code default}) or one environment's override.
 * {@code choices} offers the base, the server's own environment and every environment that has an
 * override; {@code overridden} names the pointers the shown environment's override sets, and
 * {@code reset} those the owner asked to take back from the base (kept when the form comes back refused).
 */
public record EnvironmentPicker(String current, String server, List<String> choices, Set<String> overridden,
                                Set<String> reset) {

    public EnvironmentPicker {
        choices = List.copyOf(choices);
        overridden = Set.copyOf(overridden);
        reset = Set.copyOf(reset);
    }

    static EnvironmentPicker of(Environment current, Environment server, Collection<String> withOverrides,
                                Set<String> overridden, Set<String> reset) {
        Set<String> choices = new LinkedHashSet<>();
        choices.add(Environment.DEFAULT.name());
        choices.add(server.name());
        choices.addAll(new TreeSet<>(withOverrides));
        choices.add(current.name());
        return new EnvironmentPicker(current.name(), server.name(), new ArrayList<>(choices), overridden, reset);
    }

    /** Editing an environment's override rather than the base settings. */
    public boolean override() {
        return !current.equals(Environment.DEFAULT.name());
    }

    /** How a choice reads in the list. */
    public String label(String environment) {
        List<String> notes = new ArrayList<>();
        if (environment.equals(Environment.DEFAULT.name())) {
            notes.add("base settings");
        }
        if (environment.equals(server)) {
            notes.add("this server's");
        }
        return notes.isEmpty() ? environment : environment + " (" + String.join(", ", notes) + ")";
    }

    /** Where the page of {@code plugin} for this environment is. */
    public String page(String plugin) {
        return "/console/my-plugins/" + plugin + "/settings?environment=" + current;
    }
}
