package dev.plugboard.adapter.workflow.language;

import dev.plugboard.domain.workflow.ExpressionException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CelTemplateEngineTest {

    private final CelTemplateEngine engine = new CelTemplateEngine();

    static Map<String, Object> context() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "hello");
        data.put("count", 3L);
        data.put("ratio", new BigDecimal("2.5"));
        data.put("urgent", true);
        data.put("nothing", null);
        data.put("tags", List.of("a", "b"));
        data.put("author", Map.of("name", "Ada"));
        Map<String, Object> context = new HashMap<>();
        context.put("trigger", Map.of("type", "event", "data", data));
        context.put("prev", Map.of("summary", "short", "score", 4L, "sentiment", "negative"));
        context.put("steps", Map.of("0", Map.of("summary", "short")));
        context.put("env", Map.of("REGION", "eu"));
        context.put("ctx", Map.of("userId", "u-1"));
        return context;
    }

    private Object render(Object template) {
        return engine.render(template, context());
    }

    @Test
    void exactTemplate_keepsTheJsonTypeOfItsValue() {
        assertThat(render("{{ trigger.data.count }}")).isEqualTo(3L);
        assertThat(render("{{trigger.data.ratio}}")).isEqualTo(new BigDecimal("2.5"));
        assertThat(render("  {{ trigger.data.urgent }} ")).isEqualTo(true);
        assertThat(render("{{ trigger.data.nothing }}")).isNull();
        assertThat(render("{{ trigger.data.tags }}")).isEqualTo(List.of("a", "b"));
        assertThat(render("{{ trigger.data.author }}")).isEqualTo(Map.of("name", "Ada"));
        assertThat(render("{{ trigger.data.count * 2 + 1 }}")).isEqualTo(7L);
    }

    @Test
    void celDoublesComeBackNormalisedLikeJsonDocument() {
        assertThat(render("{{ 1.0 + 1.0 }}")).isEqualTo(2L);
        assertThat(render("{{ 0.5 + 0.25 }}")).isEqualTo(new BigDecimal("0.75"));
        assertThat(render("{{ {'a': [1, 2.0, null]} }}")).isEqualTo(Map.of("a", Arrays.asList(1L, 2L, null)));
    }

    @Test
    void mixedText_interpolatesNumbersStringsAndObjectsAsJsonText() {
        assertThat(render("{{ trigger.data.text }}, {{ ctx.userId }}! {{ trigger.data.count }} new"))
                .isEqualTo("hello, u-1! 3 new");
        assertThat(render("ratio {{ trigger.data.ratio }}, urgent {{ trigger.data.urgent }}, none '{{ trigger.data.nothing }}'"))
                .isEqualTo("ratio 2.5, urgent true, none ''");
        assertThat(render("by {{ trigger.data.author }} tagged {{ trigger.data.tags }}"))
                .isEqualTo("by {\"name\":\"Ada\"} tagged [\"a\",\"b\"]");
    }

    @Test
    void templatesInsideObjectsAndListsAreWalked_keysAndOtherValuesAreKept() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("{{ not.a.template }}", "{{ prev.summary }}");
        template.put("items", List.of("{{ env.REGION }}", 7L, false));
        template.put("nested", Map.of("score", "{{ prev.score }}"));
        Object rendered = render(template);
        assertThat(rendered).isEqualTo(Map.of(
                "{{ not.a.template }}", "short",
                "items", List.of("eu", 7L, false),
                "nested", Map.of("score", 4L)));
    }

    @Test
    void celFunctionsAndMacrosAreAvailable() {
        assertThat(render("{{ size(trigger.data.tags) }}")).isEqualTo(2L);
        assertThat(render("{{ has(trigger.data.missing) }}")).isEqualTo(false);
        assertThat(render("{{ trigger.data.text.upperAscii() }}")).isEqualTo("HELLO");
        assertThat(render("{{ trigger.data.tags.map(t, t + '!') }}")).isEqualTo(List.of("a!", "b!"));
        assertThat(render("{{ steps['0'].summary }}")).isEqualTo("short");
        assertThat(render("{{ math.greatest(prev.score, trigger.data.count) }}")).isEqualTo(4L);
        assertThat(render("{{ trigger.data.tags.join('+') }}")).isEqualTo("a+b");
        assertThat(render("{{ trigger.data.text.startsWith('he') && trigger.data.text.contains('ll') }}")).isEqualTo(true);
        assertThat(render("{{ trigger.data.tags.filter(t, t != 'a') }}")).isEqualTo(List.of("b"));
        assertThat(render("{{ trigger.data.tags.exists(t, t == 'b') }}")).isEqualTo(true);
        assertThat(render("{{ trigger.data.text.matches('^h.*o$') }}")).isEqualTo(true);
        assertThat(render("{{ string(prev.score) + ' of 5' }}")).isEqualTo("4 of 5");
    }

    @Test
    void missingPath_namesTheFieldAndWhereItWasLookedFor() {
        assertThatThrownBy(() -> render("{{ trigger.data.foo }}"))
                .isInstanceOf(ExpressionException.class)
                .satisfies(e -> assertThat(((ExpressionException) e).reason())
                        .isEqualTo("no field 'foo' in trigger.data; test for it with has(trigger.data.foo)"))
                .satisfies(e -> assertThat(((ExpressionException) e).expression()).isEqualTo("trigger.data.foo"));
        assertThatThrownBy(() -> render("{{ trigger.data.text.length }}"))
                .hasMessageContaining("can't read field 'length' of trigger.data.text: it is null or not an object");
    }

    @Test
    void undeclaredVariable_listsTheAllowedOnes() {
        assertThatThrownBy(() -> engine.check(Map.of("x", "{{ trigger.data.a + secrets.token }}"), false))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("unknown variable 'secrets'; the variables are trigger, prev, steps, env, ctx");
        assertThatThrownBy(() -> engine.check("{{ shout(prev) }}", false))
                .hasMessageContaining("unknown function 'shout'");
        assertThatThrownBy(() -> engine.check("{{ lists.range(5) }}", false))
                .hasMessageEndingWith("unknown function 'lists.range'; see docs/workflows.md for the functions CEL offers");
    }

    @Test
    void syntaxErrors_givePositions_andUnterminatedTemplatesAreRefused() {
        assertThatThrownBy(() -> engine.check("{{ prev.score + }}", false))
                .hasMessageContaining("syntax error at column");
        assertThatThrownBy(() -> engine.check("Hi {{ prev.summary", false))
                .hasMessageContaining("'{{' at position 3 has no closing '}}'");
        assertThatThrownBy(() -> engine.check("Hi {{  }}", false))
                .hasMessageContaining("holds no expression");
    }

    @Test
    void wrongOperandTypes_sayWhichOperatorAndHowToConvert() {
        assertThatThrownBy(() -> render("{{ trigger.data.text + trigger.data.count }}"))
                .hasMessageContaining("operator '+' can't be applied to these values' types")
                .hasMessageContaining("string(x)");
    }

    @Test
    void celValuesWithoutAJsonTypeBecomeText() {
        assertThat(render("{{ b'abc' }}")).isEqualTo("YWJj");
        assertThat(render("{{ timestamp('2026-01-01T00:00:00Z') }}")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void stringsWithoutTemplatesAndNonStringValuesPassThrough() {
        assertThat(render("plain {text} with } braces")).isEqualTo("plain {text} with } braces");
        assertThat(render(42L)).isEqualTo(42L);
        assertThat(render(null)).isNull();
        assertThat(render(true)).isEqualTo(true);
    }

    @Test
    void missingContextVariablesReadAsNull() {
        assertThat(engine.render("{{ prev == null }}", Map.of())).isEqualTo(true);
    }
}
