package dev.plugboard.adapter.console.form;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaFormTest {

    private static final Map<String, Object> SCHEMA = JsonDocument.parse("""
            {"type": "object", "required": ["url"], "properties": {
              "url": {"type": "string", "maxLength": 200, "description": "Where to send"},
              "mode": {"type": "string", "enum": ["fast", "safe"]},
              "on": {"type": "boolean"},
              "retries": {"type": "integer", "minimum": 0, "maximum": 5, "title": "Retries"},
              "token": {"type": "string", "writeOnly": true},
              "limits": {"type": "object", "properties": {"rate": {"type": "number"}}},
              "tags": {"type": "array", "items": {"type": "string"}}
            }}""").asMap();

    @Test
    void givenASchema_fields_haveTheWidgetLimitsAndHelpEachTypeCallsFor() {
        List<FormField> fields = new SchemaForm(Map.of(), Set.of(), List.of()).fields(SCHEMA);

        assertThat(fields).extracting(FormField::name, FormField::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/url", "text"), org.assertj.core.groups.Tuple.tuple("/mode", "select"),
                org.assertj.core.groups.Tuple.tuple("/on", "switch"), org.assertj.core.groups.Tuple.tuple("/retries", "integer"),
                org.assertj.core.groups.Tuple.tuple("/token", "secret"), org.assertj.core.groups.Tuple.tuple("/limits", "group"),
                org.assertj.core.groups.Tuple.tuple("/tags", "list"));
        FormField url = fields.get(0);
        assertThat(url.required()).isTrue();
        assertThat(url.limit("maxlength")).isEqualTo("200");
        assertThat(url.description()).isEqualTo("Where to send");
        assertThat(fields.get(1).options()).containsExactly("fast", "safe");
        assertThat(fields.get(3).label()).isEqualTo("Retries");
        assertThat(fields.get(3).limit("max")).isEqualTo("5");
        assertThat(fields.get(5).children()).extracting(FormField::name).containsExactly("/limits/rate");
    }

    @Test
    void givenAStoredSecretAndViolations_fields_showSetNeverTheValueAndPlaceEachViolation() {
        Map<String, List<String>> values = Map.of("/token", List.of("s3cret"), "/retries", List.of("nine"));
        List<Violation> violations = List.of(new Violation("/retries", "type", "must be an integer"),
                new Violation("/tags/1", "minLength", "too short"), new Violation("", "additionalProperties", "no 'x'"));
        SchemaForm form = new SchemaForm(values, Set.of("/token"), violations);
        List<FormField> fields = form.fields(SCHEMA);

        FormField token = fields.get(4);
        assertThat(token.secretSet()).isTrue();
        assertThat(token.values()).isEmpty();
        assertThat(fields.get(3).errors()).containsExactly("must be an integer");
        assertThat(fields.get(3).value()).as("what was typed is kept").isEqualTo("nine");
        assertThat(fields.get(6).errors()).containsExactly("too short");
        assertThat(form.unplaced(fields)).containsExactly("/: no 'x'");
    }
}
