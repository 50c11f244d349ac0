package dev.plugboard.adapter.cli.support;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;

/** Picocli converter for {@code --since}: an instant, a date, or a time ago such as {@code 7d}. */
public final class SinceConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return TimeExpressions.instant(value, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
