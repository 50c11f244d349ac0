package dev.plugboard.adapter.console.form;

import java.util.List;

/**
 * One input of a form generated from a JSON Schema. {@code name} is the JSON pointer of the value,
 * so the server's violations find their field; {@code kind} picks the widget: text, number,
 * integer, select, switch, secret, group (nested object) or list (array of simple values).
 *
 * @param values   what the input shows: one value, or a list's items (never a secret's value)
 * @param limits   HTML constraint attributes taken from the schema (min, max, minlength, maxlength, pattern)
 * @param secretSet for a secret: a value is stored, so the field offers keep, replace and clear
 */
public record FormField(String name, String label, String kind, boolean required, String description,
                        List<String> values, List<String> options, List<Limit> limits, boolean secretSet,
                        List<String> errors, List<FormField> children) {

    public FormField {
        values = List.copyOf(values);
        options = List.copyOf(options);
        limits = List.copyOf(limits);
        errors = List.copyOf(errors);
        children = List.copyOf(children);
    }

    /** The value of a single-valued input ("" when there is none). */
    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    /** An id safe in HTML ids and {@code for} attributes. */
    public String id() {
        return "f" + name.replace('/', '-').replaceAll("[^A-Za-z0-9_-]", "_");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String limit(String attribute) {
        return limits.stream().filter(l -> l.attribute().equals(attribute)).map(Limit::value).findFirst().orElse(null);
    }

    /** A constraint attribute and its value. */
    public record Limit(String attribute, String value) {
    }
}
