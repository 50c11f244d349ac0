package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a workflow document that breaks a rule of the model (a bad slug, a step without a plugin)
 * like one that fails the save-time checks: 422 with a problem naming the step and the field as a
 * JSON pointer, so a client handles one shape for every mistake in a workflow.
 */
public final class DocumentProblems {

    private static final Pattern STEP = Pattern.compile("^steps\\[(\\d*)]\\.?(.*)$");

    private DocumentProblems() {
    }

    public static <T> T reading(Map<String, Object> document, Supplier<T> save) {
        try {
            return save.get();
        } catch (InvalidValueException e) {
            throw new InvalidWorkflowException(List.of(problem(document, e)));
        }
    }

    /** {@code steps[2].plugin} becomes step 2's order and {@code /steps/2/plugin}; {@code slug} becomes {@code /slug}. */
    public static InvalidWorkflowException.Problem problem(Map<String, Object> document, InvalidValueException error) {
        String field = error.field() == null ? "" : error.field();
        String reason = error.value() == null ? error.rule() : "'" + abbreviate(error.value()) + "' " + error.rule();
        Matcher step = STEP.matcher(field);
        if (!step.matches()) {
            return new InvalidWorkflowException.Problem(null, "/" + field.replace('.', '/'), reason);
        }
        String index = step.group(1);
        String rest = step.group(2);
        if (index.isEmpty()) {
            // "steps[].order": a rule across steps (two with one order), so no single step is to blame.
            return new InvalidWorkflowException.Problem(null, "/steps", rest.isEmpty() ? reason : rest + " " + reason);
        }
        return new InvalidWorkflowException.Problem(orderOf(document, Integer.parseInt(index)),
                "/steps/" + index + (rest.isEmpty() ? "" : "/" + rest.replace('.', '/')), reason);
    }

    private static Integer orderOf(Map<String, Object> document, int index) {
        return document != null && document.get("steps") instanceof List<?> steps && index < steps.size()
                && steps.get(index) instanceof Map<?, ?> step && step.get("order") instanceof Number order
                ? order.intValue() : null;
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
