package dev.plugboard.domain.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.SettingsValidation;
import dev.plugboard.domain.settings.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings policy on any schema and any document: it validates or returns violations, never
 * another exception, and a violation never repeats the value of a secret ({@code writeOnly}) field.
 * The document always carries a secret {@code token} with a marker value, so that an echo is seen.
 */
class SettingsPolicyFuzzTest {

    private static final String MARKER = "s3cr3t-marker-9f1c";
    private final SettingsPolicy policy = new SettingsPolicy();

    @FuzzTest(maxDuration = "5m")
    void givenAnySchemaAndDocument_validate_givesViolationsOrPasses_andNeverEchoesASecret(FuzzedDataProvider data) {
        String properties = data.consumeString(1500);
        String document = data.consumeRemainingAsString();
        JsonDocument schema;
        JsonDocument settings;
        try {
            schema = JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"token\": {\"type\": \"string\","
                    + " \"writeOnly\": true, \"maxLength\": 3}" + (properties.isBlank() ? "" : ", " + properties) + "}}");
            settings = JsonDocument.parse(document.startsWith("{") && document.length() > 1
                    ? "{\"token\": \"" + MARKER + "\", " + document.substring(1) : "{\"token\": \"" + MARKER + "\"}");
        } catch (DomainException notJson) {
            return;
        }
        SettingsSpec spec;
        try {
            spec = new SettingsSpec("fuzzed", "1.0.0", schema, JsonDocument.empty());
            if (!policy.problemsOf(spec).isEmpty()) {
                return;
            }
        } catch (DomainException badSchema) {
            return;
        }
        SettingsValidation validation;
        try {
            validation = policy.validate(spec, settings);
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).doesNotContain(MARKER);
            return;
        }
        for (Violation violation : validation.violations()) {
            assertThat(violation.message()).as(violation.pointer()).doesNotContain(MARKER);
        }
    }
}
