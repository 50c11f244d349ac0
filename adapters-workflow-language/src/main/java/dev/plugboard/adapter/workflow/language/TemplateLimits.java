package dev.plugboard.adapter.workflow.language;

/**
 * The bounds every template and condition is held to; each one exceeded is refused with its name and value.
 *
 * <p>CEL for Java 0.14 has no evaluation cost tracker, so cost is bounded three ways: the total number of
 * comprehension iterations ({@code map}, {@code filter}, {@code all}, {@code exists}) per evaluation, the
 * number of expression nodes evaluated (counted through CEL's evaluation listener), and the parser's
 * nesting depth.
 *
 * @param maxExpressionLength characters in one expression (between {@code {{ }}} or one condition)
 * @param maxTemplateLength   characters of text in all strings of one template
 * @param maxIterations       comprehension iterations per evaluation (CEL's {@code comprehensionMaxIterations})
 * @param maxEvaluationSteps  expression nodes evaluated per evaluation
 * @param maxNestingDepth     parser recursion depth (CEL's {@code maxParseRecursionDepth})
 * @param maxResultSize       characters of JSON text an evaluated value or rendered string may have
 * @param cacheSize           compiled expressions kept, least recently used dropped first
 */
public record TemplateLimits(
        int maxExpressionLength,
        int maxTemplateLength,
        int maxIterations,
        int maxEvaluationSteps,
        int maxNestingDepth,
        int maxResultSize,
        int cacheSize) {

    public static final int DEFAULT_MAX_EXPRESSION_LENGTH = 1_000;
    public static final int DEFAULT_MAX_TEMPLATE_LENGTH = 65_536;
    public static final int DEFAULT_MAX_ITERATIONS = 1_000;
    public static final int DEFAULT_MAX_EVALUATION_STEPS = 10_000;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    public static final int DEFAULT_MAX_RESULT_SIZE = 1_048_576;
    public static final int DEFAULT_CACHE_SIZE = 1_000;

    public TemplateLimits {
        positive("maxExpressionLength", maxExpressionLength);
        positive("maxTemplateLength", maxTemplateLength);
        positive("maxIterations", maxIterations);
        positive("maxEvaluationSteps", maxEvaluationSteps);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxResultSize", maxResultSize);
        positive("cacheSize", cacheSize);
    }

    /** The defaults: 1,000 characters per expression, 64 KiB per template, 1,000 iterations, 10,000 steps, depth 32, 1 MiB results. */
    public static TemplateLimits defaults() {
        return new TemplateLimits(DEFAULT_MAX_EXPRESSION_LENGTH, DEFAULT_MAX_TEMPLATE_LENGTH, DEFAULT_MAX_ITERATIONS,
                DEFAULT_MAX_EVALUATION_STEPS, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_RESULT_SIZE, DEFAULT_CACHE_SIZE);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
