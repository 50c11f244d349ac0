package dev.plugboard.adapter.workflow.language;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelMathExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.workflow.ExpressionException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles CEL expressions once (bounded cache) and evaluates them within the limits. */
final class CelPrograms {

    private static final CelStringExtensions STRINGS = CelExtensions.strings();
    private static final CelMathExtensions MATH = CelExtensions.math(CelMathExtensions.Function.values());
    /** lists.range(n) builds n elements in one step, past any step limit; the other list functions only reshape their input. */
    private static final CelListsExtensions LISTS =
            CelExtensions.lists(EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.RANGE)));

    private final TemplateLimits limits;
    private final CelCompiler values;
    private final CelCompiler conditions;
    private final CelRuntime runtime;
    private final Cache<Key, CelRuntime.Program> cache;

    private record Key(String expression, boolean condition) {
    }

    /** Thrown from CEL's evaluation listener to stop an evaluation that went past a limit. */
    private static final class OverLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverLimit(String reason) {
            super(reason, null, false, false);
        }
    }

    CelPrograms(TemplateLimits limits) {
        this.limits = limits;
        CelOptions options = CelOptions.current()
                .comprehensionMaxIterations(limits.maxIterations())
                .maxParseRecursionDepth(limits.maxNestingDepth())
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .build();
        this.values = compiler(options).build();
        this.conditions = compiler(options).setResultType(SimpleType.BOOL).build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(STRINGS, MATH, LISTS)
                .build();
        this.cache = CacheBuilder.newBuilder().maximumSize(limits.cacheSize()).build();
    }

    private static CelCompilerBuilder compiler(CelOptions options) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(STRINGS, MATH, LISTS);
        // dyn: the shapes of trigger data and step outputs are only known when the workflow runs.
        TemplateEngine.VARIABLES.forEach(name -> builder.addVar(name, SimpleType.DYN));
        return builder;
    }

    /** The compiled program of {@code expression}; {@code condition} requires a boolean result type. */
    CelRuntime.Program compile(String expression, boolean condition) {
        if (expression.length() > limits.maxExpressionLength()) {
            throw new ExpressionException(expression, "limit exceeded: the expression has " + expression.length()
                    + " characters, at most " + limits.maxExpressionLength() + " are allowed (maxExpressionLength)");
        }
        Key key = new Key(expression, condition);
        CelRuntime.Program cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CelRuntime.Program program = build(expression, condition);
        cache.put(key, program);
        return program;
    }

    private CelRuntime.Program build(String expression, boolean condition) {
        CelCompiler compiler = condition ? conditions : values;
        CelAbstractSyntaxTree parsed;
        try {
            parsed = compiler.parse(expression).getAst();
        } catch (CelValidationException failure) {
            throw new ExpressionException(expression,
                    CelErrors.compileReason(expression, failure, true, limits.maxNestingDepth()));
        }
        try {
            return runtime.createProgram(compiler.check(parsed).getAst());
        } catch (CelValidationException failure) {
            throw new ExpressionException(expression,
                    CelErrors.compileReason(expression, failure, false, limits.maxNestingDepth()));
        } catch (CelEvaluationException failure) {
            throw new ExpressionException(expression, "can't be prepared: " + failure.getMessage());
        }
    }

    /** Evaluates over plain JSON variables and returns the result as a plain JSON value. */
    Object evaluate(String expression, CelRuntime.Program program, Map<String, Object> context) {
        Map<String, Object> variables = new LinkedHashMap<>();
        TemplateEngine.VARIABLES.forEach(name -> variables.put(name, CelValues.toCel(context.get(name))));
        int[] steps = {0};
        Object result;
        try {
            result = program.trace(variables, (node, value) -> {
                if (++steps[0] > limits.maxEvaluationSteps()) {
                    throw new OverLimit("limit exceeded: evaluation took more than " + limits.maxEvaluationSteps()
                            + " steps (maxEvaluationSteps)");
                }
                // Stops a value that grows step by step (replace, +, join) long before it fills memory.
                if (size(value) > limits.maxResultSize()) {
                    throw new OverLimit("limit exceeded: a value grew past " + limits.maxResultSize()
                            + " characters or elements (maxResultSize)");
                }
            });
        } catch (CelEvaluationException failure) {
            if (failure.getCause() instanceof OverLimit overLimit) {
                throw new ExpressionException(expression, overLimit.getMessage());
            }
            throw new ExpressionException(expression,
                    CelErrors.evaluationReason(expression, failure, limits.maxIterations()));
        }
        try {
            return CelValues.toJson(result);
        } catch (IllegalArgumentException noJson) {
            throw new ExpressionException(expression, noJson.getMessage());
        }
    }

    private static long size(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        return value instanceof Map<?, ?> map ? map.size() : 0;
    }
}
