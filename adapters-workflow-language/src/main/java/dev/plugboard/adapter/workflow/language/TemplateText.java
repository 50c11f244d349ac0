package dev.plugboard.adapter.workflow.language;

import dev.plugboard.domain.workflow.ExpressionException;

import java.util.ArrayList;
import java.util.List;

/** Splits a template string into literal text and {@code {{ expr }}} parts; the template syntax, not the expression language. */
final class TemplateText {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    /** One piece of a template string: literal text, or the source of an expression. */
    record Part(String text, boolean expression) {
    }

    private TemplateText() {
    }

    static boolean hasTemplates(String text) {
        return text.contains(OPEN);
    }

    /** The parts of {@code text}, in order; an opening {@code {{} without its {@code }}} is an error. */
    static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int open = text.indexOf(OPEN, position);
            if (open < 0) {
                parts.add(new Part(text.substring(position), false));
                break;
            }
            int close = text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new ExpressionException(text, "'{{' at position " + open + " has no closing '}}'");
            }
            if (open > position) {
                parts.add(new Part(text.substring(position, open), false));
            }
            String source = text.substring(open + OPEN.length(), close).strip();
            if (source.isEmpty()) {
                throw new ExpressionException(text, "'{{ }}' at position " + open + " holds no expression");
            }
            parts.add(new Part(source, true));
            position = close + CLOSE.length();
        }
        return parts;
    }

    /** The expression of a string that is exactly one {@code {{ expr }}} (blanks around allowed), or null. */
    static String exactExpression(String text) {
        List<Part> parts = parts(text);
        List<Part> meaningful = parts.stream().filter(p -> p.expression() || !p.text().isBlank()).toList();
        return meaningful.size() == 1 && meaningful.get(0).expression() ? meaningful.get(0).text() : null;
    }

    /** The seeds' condition form: every {@code {{ x }}} becomes {@code (x)}, so the whole reads as one CEL expression. */
    static String asExpression(String condition) {
        if (!hasTemplates(condition)) {
            return condition;
        }
        StringBuilder expression = new StringBuilder(condition.length());
        for (Part part : parts(condition)) {
            expression.append(part.expression() ? "(" + part.text() + ")" : part.text());
        }
        return expression.toString();
    }
}
