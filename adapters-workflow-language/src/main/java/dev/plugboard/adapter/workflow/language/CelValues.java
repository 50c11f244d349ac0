package dev.plugboard.adapter.workflow.language;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts plain Java JSON values to the values CEL evaluates over, and CEL's results back to plain JSON
 * values normalised as {@code JsonDocument} does (integers as {@code Long}, or {@code BigInteger} past 64
 * bits; other numbers as stripped {@code BigDecimal}).
 */
final class CelValues {

    private CelValues() {
    }

    /** CEL reads a Java null inside a map as "unknown", so JSON null becomes CEL's null value. */
    static Object toCel(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger integer) {
            // CEL's int is 64 bits; a larger JSON integer can only be read as a double.
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return integralLong(decimal) != null ? integralLong(decimal) : (Object) decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), toCel(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(toCel(element)));
            return copy;
        }
        if (value instanceof Instant || value instanceof UUID || value instanceof Enum<?> || value instanceof CharSequence) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a JSON value in the template context: " + value.getClass().getName());
    }

    /**
     * A CEL result as a JSON value.
     *
     * @throws IllegalArgumentException with a reason a person can read, when the value has no JSON form
     */
    static Object toJson(Object value) {
        if (value == null || value instanceof NullValue || value instanceof com.google.protobuf.NullValue) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof UnsignedLong unsigned) {
            return normalise(new BigDecimal(unsigned.bigIntegerValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("the result " + number + " is not a JSON number");
            }
            return normalise(BigDecimal.valueOf(number));
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return normalise(new BigDecimal(value.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(toJson(key)), toJson(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(toJson(element)));
            return copy;
        }
        return scalarText(value);
    }

    private static Object scalarText(Object value) {
        if (value instanceof ByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
        if (value instanceof CelByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
        if (value instanceof Timestamp timestamp) {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
        }
        if (value instanceof Duration duration) {
            return java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos()).toString();
        }
        if (value instanceof Instant || value instanceof java.time.Duration) {
            return value.toString();
        }
        throw new IllegalArgumentException("the result is a CEL " + value.getClass().getSimpleName()
                + ", which has no JSON form; convert it with string(...)");
    }

    private static Object normalise(BigDecimal decimal) {
        Long integral = integralLong(decimal);
        if (integral != null) {
            return integral;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : stripped;
    }

    private static Long integralLong(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return null;
        }
        BigInteger integer = stripped.toBigIntegerExact();
        return integer.bitLength() < 64 ? integer.longValue() : null;
    }
}
