package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow template or condition that can't be compiled or evaluated: a syntax error, an unknown
 * variable, a missing path, a value of the wrong type, or a limit (cost, size) exceeded. Names the
 * expression and says why, so the workflow's author can fix it.
 */
public final class ExpressionException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String expression;
    private final String reason;

    public ExpressionException(String expression, String reason) {
        super("expression '" + abbreviate(expression) + "': " + reason);
        this.expression = expression;
        this.reason = reason;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    public String expression() {
        return expression;
    }

    public String reason() {
        return reason;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_SETTINGS;
    }

    @Override
    public String code() {
        return "invalid_expression";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("expression", abbreviate(expression));
        details.put("reason", reason);
        return details;
    }
}
