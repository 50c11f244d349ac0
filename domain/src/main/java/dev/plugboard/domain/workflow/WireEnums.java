package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Reads the wire form of the workflow enums, naming the allowed values when one is unknown. */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text, Function<E, String> wire) {
        E[] values = type.getEnumConstants();
        String given = text == null ? "" : text.strip();
        return Arrays.stream(values).filter(value -> wire.apply(value).equalsIgnoreCase(given))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(field, text,
                        "use one of " + Arrays.stream(values).map(wire).toList()));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
