package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable JSON object (settings, schemas, run input and output) held as plain Java values:
 * {@code Map}, {@code List}, {@code String}, {@code Long}/{@code BigInteger}, {@code BigDecimal},
 * {@code Boolean} and {@code null}. Numbers are normalised so that equal JSON compares equal.
 */
public final class JsonDocument {

    private static final JsonDocument EMPTY = new JsonDocument(Map.of());

    private final Map<String, Object> fields;

    private JsonDocument(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static JsonDocument empty() {
        return EMPTY;
    }

    /** Copies a tree of plain Java values; rejects anything that is not JSON. */
    public static JsonDocument of(Map<String, ?> fields) {
        if (fields == null) {
            throw new InvalidValueException("document", null, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) normalise(fields, "");
        return copy.isEmpty() ? EMPTY : new JsonDocument(copy);
    }

    /**
     * Parses JSON text that must hold an object.
     *
     * @throws InvalidValueException naming the line and column when the text is not a JSON object
     */
    public static JsonDocument parse(String json) {
        return JsonCodec.parseObject(json);
    }

    /** The fields, unmodifiable and in document order. */
    public Map<String, Object> asMap() {
        return fields;
    }

    public Optional<Object> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The value at an RFC 6901 JSON pointer, if there is one. */
    public Optional<Object> at(String pointer) {
        Object node = fields;
        for (String token : JsonPointers.tokens(pointer)) {
            if (node instanceof Map<?, ?> map && map.containsKey(token)) {
                node = map.get(token);
            } else if (node instanceof List<?> list && JsonPointers.isIndex(token, list.size())) {
                node = list.get(Integer.parseInt(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    /** A copy with the value at {@code pointer} replaced, if that location exists. */
    public JsonDocument replaceAt(String pointer, Object replacement) {
        return replaceAllAt(Collections.singletonMap(pointer, replacement));
    }

    /**
     * A copy with each value at a pointer of {@code replacements} replaced, where that location
     * exists; one copy of the document however many there are, and this same document when no
     * location exists.
     */
    public JsonDocument replaceAllAt(Map<String, ?> replacements) {
        Map<String, Object> replaced = replacements.isEmpty() ? null : PointerEdits.replaced(fields, replacements);
        return replaced == null ? this : of(replaced);
    }

    /** A copy without the object member at {@code pointer}; this same document if there is none. */
    public JsonDocument removeAt(String pointer) {
        Map<String, Object> removed = PointerEdits.removed(fields, pointer);
        return removed == null ? this : of(removed);
    }

    /**
     * Deep merge: objects merge field by field, everything else in {@code overlay} replaces what is
     * here. Used to lay user settings over a plugin's defaults.
     */
    public JsonDocument mergedWith(JsonDocument overlay) {
        if (overlay.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return overlay;
        }
        return of(merge(fields, overlay.fields));
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
                result.put(key, merged);
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    /** Compact JSON text. */
    public String toJson() {
        return JsonCodec.write(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonDocument document && fields.equals(document.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static Object normalise(Object value, String path) {
        if (value instanceof String text) {
            Require.noNul("document" + path, text);
            return text;
        }
        if (value == null || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof BigInteger integer) {
            if (integer.bitLength() > MAX_INTEGER_BITS) {
                throw tooLarge(path, integer.toString().length() + " digits");
            }
            // One representation per number: integers that fit are Longs, whether built or parsed.
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return normaliseDecimal(decimal, path);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new InvalidValueException("document" + path, value, "is not a JSON number");
            }
            return normaliseDecimal(BigDecimal.valueOf(number), path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> {
                if (!(key instanceof String name)) {
                    throw new InvalidValueException("document" + path, key, "object keys must be strings");
                }
                Require.noNul("document" + path + " (a key)", name);
                copy.put(name, normalise(element, path + "/" + JsonPointers.escape(name)));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(normalise(list.get(i), path + "/" + i));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidValueException("document" + path, value.getClass().getSimpleName(), "is not a JSON value");
    }

    /**
     * A number a document may hold has at most {@value #MAX_DIGITS} digits before or after the point.
     * Found by SettingsPolicyFuzzTest: {@code 98E99999999} is a short JSON token, but as an integer it
     * has a hundred million digits, and making it one took the CPU for minutes (any body could hold it).
     */
    private static final int MAX_DIGITS = 1000;
    private static final int MAX_INTEGER_BITS = 3322; // about 10^1000

    private static InvalidValueException tooLarge(String path, Object shown) {
        return new InvalidValueException("document" + path, shown, "is a number beyond what Plugboard holds: use at most "
                + MAX_DIGITS + " digits before and after the decimal point");
    }

    private static Object normaliseDecimal(BigDecimal decimal, String path) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        long digitsBeforePoint = (long) stripped.precision() - stripped.scale();
        if (digitsBeforePoint > MAX_DIGITS || stripped.scale() > MAX_DIGITS) {
            throw tooLarge(path, "a number of about 10^" + (digitsBeforePoint - 1));
        }
        if (stripped.scale() <= 0) {
            BigInteger integer = stripped.toBigIntegerExact();
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        return stripped;
    }
}
