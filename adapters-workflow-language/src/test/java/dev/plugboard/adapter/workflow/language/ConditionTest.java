package dev.plugboard.adapter.workflow.language;

import dev.plugboard.domain.workflow.ExpressionException;
import org.junit.jupiter.api.Test;

import static dev.plugboard.adapter.workflow.language.CelTemplateEngineTest.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionTest {

    private final CelTemplateEngine engine = new CelTemplateEngine();

    @Test
    void plainCelConditions_areTrueOrFalse() {
        assertThat(engine.test("prev.score > 3", context())).isTrue();
        assertThat(engine.test("prev.score > 4", context())).isFalse();
        assertThat(engine.test("size(trigger.data.text) > 3 && 'a' in trigger.data.tags", context())).isTrue();
    }

    @Test
    void seedsFormWithTemplates_readsAsTheSameExpression() {
        assertThat(engine.test("{{prev.sentiment}} == 'negative'", context())).isTrue();
        assertThat(engine.test("{{ prev.sentiment }} == 'positive' || {{ prev.score }} < 2", context())).isFalse();
        engine.check("{{prev.sentiment}} == 'negative'", true);
    }

    @Test
    void nonBooleanCondition_isRefusedAtCheckAndAtRun() {
        assertThatThrownBy(() -> engine.check("prev.score + 1", true))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("a condition must be true or false, but this expression's type is 'int'");
        assertThatThrownBy(() -> engine.test("prev.summary", context()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("a condition must be true or false, but it gave \"short\"");
    }

    @Test
    void blankOrNonStringCondition_isRefused() {
        assertThatThrownBy(() -> engine.test(" ", context())).hasMessageContaining("must hold an expression");
        assertThatThrownBy(() -> engine.check(42L, true)).hasMessageContaining("must be a string");
    }
}
