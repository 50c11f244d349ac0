package dev.plugboard.adapter.workflow.language;

import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.workflow.ExpressionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflow templates and conditions in Google's Common Expression Language (CEL), within {@link TemplateLimits}. */
public final class CelTemplateEngine implements TemplateEngine {

    private final TemplateLimits limits;
    /** Built at first use: the CEL compiler's set-up is most of a short CLI command's cost otherwise. */
    private volatile CelPrograms programs;

    /** An engine with {@link TemplateLimits#defaults()}. */
    public CelTemplateEngine() {
        this(TemplateLimits.defaults());
    }

    public CelTemplateEngine(TemplateLimits limits) {
        this.limits = limits;
    }

    private CelPrograms programs() {
        CelPrograms built = programs;
        if (built == null) {
            synchronized (this) {
                if (programs == null) {
                    programs = new CelPrograms(limits);
                }
                built = programs;
            }
        }
        return built;
    }

    @Override
    public void check(Object template, boolean condition) {
        if (condition) {
            if (!(template instanceof String text)) {
                throw new ExpressionException(String.valueOf(template), "a condition must be a string holding a CEL expression");
            }
            programs().compile(conditionExpression(text), true);
            return;
        }
        checkSize(template);
        walk(template, expression -> {
            programs().compile(expression, false);
            return null;
        });
    }

    @Override
    public Object render(Object template, Map<String, Object> context) {
        checkSize(template);
        return walk(template, expression -> evaluate(expression, context));
    }

    @Override
    public boolean test(String condition, Map<String, Object> context) {
        String expression = conditionExpression(condition);
        CelPrograms programs = programs();
        Object value = programs.evaluate(expression, programs.compile(expression, true), context);
        if (value instanceof Boolean result) {
            return result;
        }
        throw new ExpressionException(condition, "a condition must be true or false, but it gave "
                + abbreviated(JsonText.json(value)));
    }

    private static String conditionExpression(String condition) {
        if (condition == null || condition.isBlank()) {
            throw new ExpressionException(String.valueOf(condition), "a condition must hold an expression");
        }
        return TemplateText.asExpression(condition).strip();
    }

    private Object evaluate(String expression, Map<String, Object> context) {
        CelPrograms programs = programs();
        Object value = programs.evaluate(expression, programs.compile(expression, false), context);
        requireFits(expression, value);
        return value;
    }

    /** Replaces every template in every string of a JSON value; map keys are left as they are. */
    private Object walk(Object template, Evaluator evaluator) {
        if (template instanceof String text) {
            return renderString(text, evaluator);
        }
        if (template instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), walk(value, evaluator)));
            return copy;
        }
        if (template instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(walk(element, evaluator)));
            return copy;
        }
        return template;
    }

    private Object renderString(String text, Evaluator evaluator) {
        if (!TemplateText.hasTemplates(text)) {
            return text;
        }
        String exact = TemplateText.exactExpression(text);
        if (exact != null) {
            return evaluator.evaluate(exact);
        }
        StringBuilder rendered = new StringBuilder();
        for (TemplateText.Part part : TemplateText.parts(text)) {
            rendered.append(part.expression() ? JsonText.interpolated(evaluator.evaluate(part.text())) : part.text());
            if (rendered.length() > limits.maxResultSize()) {
                throw new ExpressionException(text, "limit exceeded: the rendered text is longer than "
                        + limits.maxResultSize() + " characters (maxResultSize)");
            }
        }
        return rendered.toString();
    }

    private void requireFits(String expression, Object value) {
        if (!JsonText.fitsIn(value, limits.maxResultSize())) {
            throw new ExpressionException(expression, "limit exceeded: the value is larger than "
                    + limits.maxResultSize() + " characters of JSON (maxResultSize)");
        }
    }

    private void checkSize(Object template) {
        long length = textLength(template);
        if (length > limits.maxTemplateLength()) {
            throw new ExpressionException(abbreviated(String.valueOf(template)), "limit exceeded: the template holds "
                    + length + " characters of text, at most " + limits.maxTemplateLength() + " are allowed (maxTemplateLength)");
        }
    }

    private static long textLength(Object template) {
        if (template instanceof String text) {
            return text.length();
        }
        if (template instanceof Map<?, ?> map) {
            return map.entrySet().stream().mapToLong(e -> String.valueOf(e.getKey()).length() + textLength(e.getValue())).sum();
        }
        if (template instanceof List<?> list) {
            return list.stream().mapToLong(CelTemplateEngine::textLength).sum();
        }
        return 0;
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    @FunctionalInterface
    private interface Evaluator {
        Object evaluate(String expression);
    }
}
