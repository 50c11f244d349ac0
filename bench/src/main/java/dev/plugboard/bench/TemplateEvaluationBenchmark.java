package dev.plugboard.bench;

import dev.plugboard.adapter.workflow.language.CelTemplateEngine;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Workflow template evaluation ({@link CelTemplateEngine}, CEL) as a workflow step's start does it,
 * with every expression already compiled (the engine caches programs): {@code renderStepConfig}
 * renders a step configuration of five fields, three of them templates (one exact expression, one
 * interpolated text, one list comprehension); {@code condition} evaluates a step's condition.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TemplateEvaluationBenchmark {

    private static final Map<String, Object> STEP_CONFIG = Map.of(
            "channel", "#alerts",
            "score", "{{ prev.score }}",
            "text", "Review {{ trigger.review.id }} from {{ trigger.review.author }} scored {{ prev.score }}",
            "tags", "{{ trigger.review.tags.filter(t, t != 'spam').map(t, t.upperAscii()) }}",
            "retries", 3L);
    private static final String CONDITION = "prev.score > 3 && prev.sentiment == 'negative'";

    private final TemplateEngine engine = new CelTemplateEngine();
    private Map<String, Object> context;

    @Setup
    public void compileOnce() {
        context = Map.of(
                "trigger", Map.of("review", Map.of("id", "r-1042", "author", "ada", "stars", 2L,
                        "tags", List.of("shipping", "spam", "refund"))),
                "prev", Map.of("score", 4L, "sentiment", "negative", "confidence", new BigDecimal("0.82")),
                "steps", Map.of(),
                "env", Map.of("region", "eu"),
                "ctx", Map.of("workflow", "review-triage"));
        engine.check(STEP_CONFIG, false);
        engine.check(CONDITION, true);
        if (!engine.test(CONDITION, context)) {
            throw new IllegalStateException("the fixture's condition must hold");
        }
    }

    @Benchmark
    public Object renderStepConfig() {
        return engine.render(STEP_CONFIG, context);
    }

    @Benchmark
    public boolean condition() {
        return engine.test(CONDITION, context);
    }
}
