package dev.plugboard.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** A value broke an invariant of the model; names the field, the offending value and the rule. */
public final class InvalidValueException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;
    private final String rule;

    public InvalidValueException(String field, Object value, String rule) {
        super("invalid " + field + " " + quote(value) + ": " + rule);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
        this.rule = rule;
    }

    private static String quote(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String text = String.valueOf(value);
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String code() {
        return "invalid_value";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("value", value);
        details.put("rule", rule);
        return details;
    }
}
