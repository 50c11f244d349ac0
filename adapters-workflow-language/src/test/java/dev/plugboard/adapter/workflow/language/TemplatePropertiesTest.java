package dev.plugboard.adapter.workflow.language;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePropertiesTest {

    private final CelTemplateEngine engine = new CelTemplateEngine();

    @Property
    void aStringWithoutTemplates_rendersToItself(@ForAll("plainText") String text) {
        assertThat(engine.render(text, Map.of())).isEqualTo(text);
    }

    @Property
    void anExactTemplate_returnsTheValuePlacedInTheContext(@ForAll("jsonScalars") Object value) {
        Map<String, Object> context = new java.util.HashMap<>();
        context.put("prev", java.util.Collections.singletonMap("value", value));
        assertThat(engine.render("{{ prev.value }}", context)).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.strings().ofMaxLength(200).filter(text -> !text.contains("{{"));
    }

    @Provide
    Arbitrary<Object> jsonScalars() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(50).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
    }
}
