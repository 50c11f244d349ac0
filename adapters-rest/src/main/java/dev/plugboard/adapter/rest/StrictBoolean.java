package dev.plugboard.adapter.rest;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a JSON {@code true} or {@code false} and nothing else: the default conversion would read
 * {@code "yes"} as false, which silently switches things off.
 */
@Singleton
public final class StrictBoolean implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw decoder.createDeserializationException("Unexpected token " + token(value) + ", expected VALUE_TRUE", value);
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    /** Named like the parser's own tokens, so the problem detail reads the same as for other type errors. */
    private static String token(Object value) {
        if (value instanceof String) {
            return "VALUE_STRING";
        }
        if (value instanceof Number) {
            return "VALUE_NUMBER_INT";
        }
        return value instanceof java.util.Map ? "START_OBJECT" : "START_ARRAY";
    }
}
