package dev.plugboard.adapter.workflow.language;

import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.plugboard.application.port.out.workflow.TemplateEngine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns CEL's compile and evaluation errors into reasons the workflow's author can act on. */
final class CelErrors {

    private static final String VARIABLES = String.join(", ", TemplateEngine.VARIABLES);
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");
    private static final Pattern EVALUATION = Pattern.compile("^evaluation error(?: at <input>:(\\d+))?: (.*)$", Pattern.DOTALL);
    private static final Pattern MISSING_KEY = Pattern.compile("^key '(.*)' is not present in map\\.?$", Pattern.DOTALL);
    private static final Pattern NOT_AN_OBJECT = Pattern.compile("^Error resolving field '(.*)'\\..*", Pattern.DOTALL);
    private static final Pattern TRAILING_PATH = Pattern.compile("([A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*|\\[[^\\[\\]]*\\])*)\\s*$");
    private static final Pattern OVERLOAD = Pattern.compile("function '([^']+)'");
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("_+_", "+"), Map.entry("_-_", "-"), Map.entry("_*_", "*"), Map.entry("_/_", "/"),
            Map.entry("_%_", "%"), Map.entry("_<_", "<"), Map.entry("_<=_", "<="), Map.entry("_>_", ">"),
            Map.entry("_>=_", ">="), Map.entry("-_", "unary -"), Map.entry("!_", "!"), Map.entry("@in", "in"));

    private CelErrors() {
    }

    /** Why an expression does not parse ({@code syntax}) or does not type-check. */
    static String compileReason(String expression, CelValidationException failure, boolean syntax, int maxNestingDepth) {
        // Later issues mostly follow from the first one, so only the first is told.
        return failure.getErrors().stream().findFirst()
                .map(issue -> issueReason(expression, issue, syntax, maxNestingDepth))
                .orElse(String.valueOf(failure.getMessage()));
    }

    private static String issueReason(String expression, CelIssue issue, boolean syntax, int maxNestingDepth) {
        String message = issue.getMessage();
        if (message.contains("recursion limit exceeded")) {
            return "limit exceeded: the expression nests deeper than " + maxNestingDepth + " levels (maxNestingDepth)";
        }
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.find()) {
            String name = undeclared.group(1);
            Matcher member = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(expression);
            if (member.find()) {
                return "unknown function '" + name + "." + member.group(1) + "'; see docs/workflows.md for the functions CEL offers";
            }
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(expression).find()) {
                return "unknown function '" + name + "'; see docs/workflows.md for the functions CEL offers";
            }
            return "unknown variable '" + name + "'; the variables are " + VARIABLES;
        }
        if (message.startsWith("expected type 'bool' but found")) {
            return "a condition must be true or false, but this expression's type is "
                    + message.substring("expected type 'bool' but found ".length());
        }
        return (syntax ? "syntax error" : "type error") + " at column " + (issue.getSourceLocation().getColumn() + 1)
                + ": " + message;
    }

    /** Why an evaluation failed, naming the missing path or the offending operator where CEL tells them. */
    static String evaluationReason(String expression, CelEvaluationException failure, int maxIterations) {
        Matcher parts = EVALUATION.matcher(String.valueOf(failure.getMessage()));
        int offset = -1;
        String message = String.valueOf(failure.getMessage());
        if (parts.matches()) {
            offset = parts.group(1) == null ? -1 : Integer.parseInt(parts.group(1));
            message = parts.group(2);
        }
        CelErrorCode code = failure.getErrorCode();
        if (code == CelErrorCode.ITERATION_BUDGET_EXCEEDED) {
            return "limit exceeded: more than " + maxIterations
                    + " iterations of map/filter/all/exists in one evaluation (maxIterations)";
        }
        if (code == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
            return missingAttribute(expression, offset, message);
        }
        if (code == CelErrorCode.OVERLOAD_NOT_FOUND) {
            Matcher function = OVERLOAD.matcher(message);
            String name = function.find() ? function.group(1) : "?";
            String shown = OPERATORS.containsKey(name) ? "operator '" + OPERATORS.get(name) + "'" : "function '" + name + "'";
            return shown + " can't be applied to these values' types" + at(offset)
                    + "; convert first, e.g. string(x), int(x), double(x)";
        }
        return message + at(offset);
    }

    private static String missingAttribute(String expression, int offset, String message) {
        Matcher key = MISSING_KEY.matcher(message);
        Matcher notObject = NOT_AN_OBJECT.matcher(message);
        String field;
        boolean objectMissing = false;
        if (key.matches()) {
            field = key.group(1);
        } else if (notObject.matches()) {
            field = notObject.group(1);
            objectMissing = true;
        } else if (!message.contains(" ")) {
            field = message; // an index such as x['foo'] reports only the key
        } else {
            return message + at(offset);
        }
        String owner = owner(expression, offset);
        if (objectMissing) {
            return "can't read field '" + field + "'" + (owner == null ? "" : " of " + owner) + ": it is null or not an object";
        }
        return "no field '" + field + "'" + (owner == null ? "" : " in " + owner)
                + (owner == null ? "" : "; test for it with has(" + owner + "." + field + ")");
    }

    /** The path written just before the failing selection, such as {@code trigger.data}. */
    private static String owner(String expression, int offset) {
        if (offset <= 0 || offset > expression.length()) {
            return null;
        }
        Matcher path = TRAILING_PATH.matcher(expression.substring(0, offset));
        return path.find() ? path.group(1).replaceAll("\\s+", "") : null;
    }

    private static String at(int offset) {
        return offset < 0 ? "" : " (at position " + (offset + 1) + ")";
    }
}
