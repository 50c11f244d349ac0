package dev.plugboard.adapter.cli.support;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Picocli converter for duration options such as {@code --ttl 8h}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            Duration duration = TimeExpressions.duration(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + value + "' must be longer than zero");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
