package dev.plugboard.adapter.workflow.language.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plugboard.adapter.workflow.language.CelTemplateEngine;
import dev.plugboard.domain.error.DomainException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow templates and conditions on any text a workflow author may save: a value, or a domain
 * error (a 422 naming the expression); never another exception, and always an end (the limits bound
 * length, nesting, iterations and evaluation).
 */
class TemplateFuzzTest {

    private static final Map<String, Object> CONTEXT = Map.of(
            "trigger", Map.of("type", "manual", "data", Map.of("text", "hello", "n", 3L, "list", List.of(1L, 2L, 3L))),
            "prev", Map.of("summary", "short"),
            "steps", Map.of("0", Map.of("ok", true)),
            "env", Map.of());
    private final CelTemplateEngine engine = new CelTemplateEngine();

    @FuzzTest(maxDuration = "5m")
    void givenAnyTemplateOrCondition_renderAndTest_giveAValueOrADomainError(FuzzedDataProvider data) {
        boolean condition = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        try {
            if (condition) {
                engine.check(text, true);
                engine.test(text, CONTEXT);
            } else {
                Map<String, Object> template = Map.of("value", text);
                engine.check(template, false);
                Object rendered = engine.render(template, CONTEXT);
                assertThat(rendered).isInstanceOf(Map.class);
            }
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
