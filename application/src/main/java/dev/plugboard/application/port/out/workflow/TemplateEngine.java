package dev.plugboard.application.port.out.workflow;

import dev.plugboard.domain.workflow.ExpressionException;

import java.util.List;
import java.util.Map;

/**
 * Evaluates workflow templates and conditions over a context of plain JSON values ({@code Map},
 * {@code List}, {@code String}, {@code Long}/{@code BigInteger}, {@code BigDecimal}, {@code Boolean},
 * {@code null}) with the top-level variables {@code trigger}, {@code prev}, {@code steps}, {@code env}
 * and {@code ctx}.
 *
 * <p>A template is any JSON value; every string in it may hold {@code {{ expr }}} parts. A string that is
 * exactly one {@code {{ expr }}} (surrounding blanks allowed) becomes the expression's value with its
 * JSON type; a string with text around its parts becomes text, each value interpolated. Every evaluation
 * is bounded in cost and in the size of what it produces.
 */
public interface TemplateEngine {

    /** The names of the variables an expression may use. */
    List<String> VARIABLES = List.of("trigger", "prev", "steps", "env", "ctx");

    /**
     * Compiles every expression of a template (or of a condition, when {@code condition} is true)
     * without evaluating it.
     *
     * @throws ExpressionException naming the first expression that does not compile and why
     */
    void check(Object template, boolean condition);

    /**
     * Resolves a template: returns a new JSON value with every {@code {{ expr }}} replaced.
     *
     * @throws ExpressionException when an expression fails (missing path, limit exceeded, ...)
     */
    Object render(Object template, Map<String, Object> context);

    /**
     * Evaluates a condition: either a CEL expression ({@code prev.score > 3}) or the seeds' form with
     * templates inside ({@code {{prev.sentiment}} == 'negative'}), which is read as the same expression.
     *
     * @return the condition's value, which must be a boolean
     * @throws ExpressionException when it fails or is not a boolean
     */
    boolean test(String condition, Map<String, Object> context);
}
