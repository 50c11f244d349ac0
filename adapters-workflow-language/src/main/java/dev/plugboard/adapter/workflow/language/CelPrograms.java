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
import dev.cel.extensions.CelMathExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.workflow.ExpressionException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles CEL expressions once (bounded cache) and evaluates them within the limits. */
final class CelPrograms {

    private final TemplateLimits limits;
    private final CelCompiler values;
    private final CelCompiler conditions;
    private final CelRuntime runtime;
    private final Cache<Key, CelRuntime.Program> cache;

    private record Key(String expression, boolean condition) {
    }

    /** Thrown from CEL's evaluation listener to stop an evaluation that ran out of steps. */
    private static final class OutOfSteps extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfSteps() {
            super(null, null, false, false);
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
                .addLibraries(CelExtensions.strings(), CelExtensions.math(CelMathExtensions.Function.values()), CelExtensions.lists())
                .build();
        this.cache = CacheBuilder.newBuilder().maximumSize(limits.cacheSize()).build();
    }

    private static CelCompilerBuilder compiler(CelOptions options) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(CelMathExtensions.Function.values()), CelExtensions.lists());
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

    /** Evaluates over plain JSON variables and returns CEL's raw result. */
    Object evaluate(String expression, CelRuntime.Program program, Map<String, Object> context) {
        Map<String, Object> variables = new LinkedHashMap<>();
        TemplateEngine.VARIABLES.forEach(name -> variables.put(name, CelValues.toCel(context.get(name))));
        int[] steps = {0};
        try {
            return program.trace(variables, (node, value) -> {
                if (++steps[0] > limits.maxEvaluationSteps()) {
                    throw new OutOfSteps();
                }
            });
        } catch (CelEvaluationException failure) {
            if (failure.getCause() instanceof OutOfSteps) {
                throw new ExpressionException(expression, "limit exceeded: evaluation took more than "
                        + limits.maxEvaluationSteps() + " steps (maxEvaluationSteps)");
            }
            throw new ExpressionException(expression,
                    CelErrors.evaluationReason(expression, failure, limits.maxIterations()));
        }
    }
}
