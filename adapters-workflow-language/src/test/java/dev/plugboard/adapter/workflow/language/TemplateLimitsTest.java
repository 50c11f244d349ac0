package dev.plugboard.adapter.workflow.language;

import dev.plugboard.domain.workflow.ExpressionException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.plugboard.adapter.workflow.language.CelTemplateEngineTest.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateLimitsTest {

    private static final String TEN = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";

    private final CelTemplateEngine engine = new CelTemplateEngine();

    @Test
    void nestedComprehensionsPastTheIterationBudget_areRefused() {
        String cube = "{{ " + TEN + ".map(a, " + TEN + ".map(b, " + TEN + ".map(c, a + b + c))) }}";
        assertThatThrownBy(() -> engine.render(cube, context()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("limit exceeded: more than 1000 iterations")
                .hasMessageContaining("(maxIterations)");
    }

    @Test
    void evaluationsPastTheStepLimit_areRefused() {
        CelTemplateEngine strict = new CelTemplateEngine(new TemplateLimits(1_000, 65_536, 1_000, 50, 32, 1_048_576, 10));
        assertThat(strict.render("{{ prev.score + 1 }}", context())).isEqualTo(5L);
        assertThatThrownBy(() -> strict.render("{{ " + TEN + ".map(a, a * 2) }}", context()))
                .hasMessageContaining("limit exceeded: evaluation took more than 50 steps (maxEvaluationSteps)");
    }

    @Test
    void longExpressionsAndDeepNesting_areRefusedBeforeEvaluation() {
        String longExpression = "{{ " + "1 + ".repeat(300) + "1 }}";
        assertThatThrownBy(() -> engine.check(longExpression, false))
                .hasMessageContaining("the expression has 1201 characters, at most 1000 are allowed (maxExpressionLength)");
        String deep = "{{ " + "(".repeat(40) + "1" + ")".repeat(40) + " }}";
        assertThatThrownBy(() -> engine.check(deep, false))
                .hasMessageContaining("nests deeper than 32 levels (maxNestingDepth)");
    }

    @Test
    void oversizedResults_areRefused() {
        CelTemplateEngine small = new CelTemplateEngine(new TemplateLimits(1_000, 65_536, 1_000, 10_000, 32, 100, 10));
        String big = "{{ " + TEN + ".map(a, 'xxxxxxxxxxxxxxxxxxxx') }}";
        assertThatThrownBy(() -> small.render(big, context()))
                .hasMessageContaining("the value is larger than 100 characters of JSON (maxResultSize)");
        String text = "x".repeat(90) + "{{ 'y' + 'yyyyyyyyyyyyyyyy' }}";
        assertThatThrownBy(() -> small.render(text, context()))
                .hasMessageContaining("the rendered text is longer than 100 characters (maxResultSize)");
    }

    @Test
    void aValueGrowingStepByStep_isStoppedAtTheResultSize() {
        String doubling = "{{ 'abcdefghij'" + ".replace('a', 'aaaaaaaaaa')".repeat(30) + " }}";
        assertThatThrownBy(() -> engine.render(doubling, context()))
                .hasMessageContaining("a value grew past 1048576 characters or elements (maxResultSize)");
    }

    @Test
    void listsRange_isNotOffered_becauseItBuildsAnyLengthInOneStep() {
        assertThatThrownBy(() -> engine.check("{{ lists.range(100000000) }}", false))
                .isInstanceOf(ExpressionException.class);
        assertThat(engine.render("{{ [[1], [2, 3]].flatten() }}", context())).isEqualTo(java.util.List.of(1L, 2L, 3L));
    }

    @Test
    void oversizedTemplates_areRefused() {
        CelTemplateEngine small = new CelTemplateEngine(new TemplateLimits(1_000, 20, 1_000, 10_000, 32, 1_000, 10));
        assertThatThrownBy(() -> small.render(Map.of("text", "a fairly long piece of text"), context()))
                .hasMessageContaining("the template holds 31 characters of text, at most 20 are allowed (maxTemplateLength)");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new TemplateLimits(0, 1, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxExpressionLength");
    }
}
