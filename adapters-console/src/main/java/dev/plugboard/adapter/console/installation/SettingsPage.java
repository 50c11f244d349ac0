package dev.plugboard.adapter.console.installation;

import dev.plugboard.adapter.console.form.FormField;

import java.util.List;

/**
 * The settings form of one plugin for the current owner: install mode when the owner has not
 * installed it yet, otherwise the installation's version, sent back so a stale form gets 412.
 * {@code needsAttention}: a settings schema change left the stored settings invalid; its violations
 * are shown at their fields. {@code environments} says whether the form edits the base settings or
 * one environment's override (then the fields show that environment's whole settings).
 */
public record SettingsPage(String plugin, String displayName, boolean install, long version, List<FormField> fields,
                           List<String> formErrors, boolean stale, boolean needsAttention,
                           EnvironmentPicker environments) {

    /** Where a fresh copy of this form is. */
    public String reload() {
        return environments.page(plugin);
    }
}
