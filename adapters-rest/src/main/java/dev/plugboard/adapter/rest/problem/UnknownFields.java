package dev.plugboard.adapter.rest.problem;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the deserializer's "unknown property" failure into a sentence that names the field the
 * client sent and the fields the request type accepts, so a typo is found at once.
 */
final class UnknownFields {

    private static final Pattern UNKNOWN = Pattern.compile(
            "Unknown property \\[([^\\]]*)\\] encountered during deserialization of type: ([\\w.$]+)");
    private static final int LONGEST_NAME_ECHOED = 64;

    private UnknownFields() {
    }

    /** The sentence when {@code message} reports an unknown field, else empty. */
    static Optional<String> describe(String message) {
        Matcher unknown = UNKNOWN.matcher(message);
        if (!unknown.find()) {
            return Optional.empty();
        }
        String detail = "unknown field '" + printable(unknown.group(1)) + "' in the request body";
        String accepted = acceptedFields(unknown.group(2));
        return Optional.of(accepted.isEmpty() ? detail : detail + "; accepted fields: " + accepted);
    }

    /** The JSON names of the request type's properties, found by its (simple or full) class name. */
    private static String acceptedFields(String typeName) {
        String simple = typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
        Collection<BeanIntrospection<Object>> found = BeanIntrospector.SHARED.findIntrospections(
                (BeanIntrospectionReference<?> reference) -> reference.isPresent()
                        && reference.getName().startsWith("dev.plugboard.")
                        && (reference.getName().equals(typeName) || reference.getName().endsWith("." + simple)
                        || reference.getName().endsWith("$" + simple)));
        return found.stream().findFirst()
                .map(introspection -> introspection.getBeanProperties().stream().map(BeanProperty::getName)
                        .collect(Collectors.joining(", ")))
                .orElse("");
    }

    /** The name is the client's own text: keep it short and free of control characters. */
    private static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > LONGEST_NAME_ECHOED ? clean.substring(0, LONGEST_NAME_ECHOED) + "..." : clean;
    }
}
