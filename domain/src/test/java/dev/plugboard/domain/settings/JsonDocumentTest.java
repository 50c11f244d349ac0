package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonDocumentTest {

    private static final JsonDocument SAMPLE = JsonDocument.parse("""
            {"name": "home", "auth": {"user": "bob", "token": null}, "tags": ["a", "b"], "ratio": 0.5, "a/b": {"c~d": 1}}
            """);

    // --- parsing ---------------------------------------------------------------------------------

    @Test
    void givenANumberWithAHugeExponent_parse_refusesItNamingWhere_insteadOfBuildingAHundredMillionDigits() {
        for (String number : java.util.List.of("98E99999999", "1e999999999", "-7E2000", "1e-1001")) {
            assertThatThrownBy(() -> JsonDocument.parse("{\"a\": {\"n\": " + number + "}}")).as(number)
                    .isInstanceOf(dev.plugboard.domain.error.InvalidValueException.class)
                    .hasMessageContaining("/a/n").hasMessageContaining("at most 1000 digits");
        }
        assertThat(JsonDocument.parse("{\"n\": 1e999}").asMap().get("n")).isInstanceOf(java.math.BigInteger.class);
        assertThat(JsonDocument.parse("{\"n\": 1.5e-900}").asMap().get("n")).isInstanceOf(java.math.BigDecimal.class);
    }

    @Test
    void givenMalformedJson_parse_throwsInvalidValueExceptionNamingLineAndColumn() {
        assertThatThrownBy(() -> JsonDocument.parse("{\n  \"a\": 1,\n  \"b\": }"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("JSON");
                    assertThat(e.rule()).startsWith("is not valid JSON at line 3, column 8");
                    assertThat(e.getMessage()).contains("line 3, column 8");
                });
    }

    @Test
    void givenTrailingContent_parse_refusesIt() {
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).startsWith("is not valid JSON at line 1, column"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1, 2]   | array",
            "\"text\" | string",
            "42       | number",
            "true     | boolean",
            "null     | null"
    })
    void givenJsonThatIsNotAnObject_parse_refusesItNamingWhatItFound(String json, String found) {
        assertThatThrownBy(() -> JsonDocument.parse(json))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("JSON");
                    assertThat(e.value()).isEqualTo(json);
                    assertThat(e.rule()).isEqualTo("expected a JSON object but found " + found);
                });
    }

    @Test
    void givenBlankText_parse_refusesItWithAnExample() {
        assertThatThrownBy(() -> JsonDocument.parse("  "))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).startsWith("expected a JSON object such as"));
    }

    @Test
    void givenLongMalformedText_parse_abbreviatesTheValue() {
        String json = "{\"a\": \"" + "x".repeat(100) + "\"";

        assertThatThrownBy(() -> JsonDocument.parse(json))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.value()).hasSize(60).endsWith("..."));
    }

    // --- numbers ---------------------------------------------------------------------------------

    @Test
    void givenTheSameNumberAsIntLongDoubleOrBigDecimal_of_makesEqualDocuments() {
        JsonDocument fromInt = JsonDocument.of(Map.of("n", 1));
        JsonDocument fromLong = JsonDocument.of(Map.of("n", 1L));
        JsonDocument fromDouble = JsonDocument.of(Map.of("n", 1.0));
        JsonDocument fromDecimal = JsonDocument.of(Map.of("n", new BigDecimal("1.000")));
        JsonDocument fromBigInteger = JsonDocument.of(Map.of("n", BigInteger.ONE));

        assertThat(List.of(fromLong, fromDouble, fromDecimal, fromBigInteger)).allSatisfy(document -> {
            assertThat(document).isEqualTo(fromInt);
            assertThat(document.hashCode()).isEqualTo(fromInt.hashCode());
        });
        assertThat(fromInt.get("n")).contains(1L);
    }

    @Test
    void givenIntegerAndDecimalNotation_parse_makesEqualDocumentsEqualToBuiltOnes() {
        JsonDocument integer = JsonDocument.parse("{\"n\": 1}");
        JsonDocument decimal = JsonDocument.parse("{\"n\": 1.0}");
        JsonDocument exponent = JsonDocument.parse("{\"n\": 1e0}");

        assertThat(integer).isEqualTo(decimal).isEqualTo(exponent).isEqualTo(JsonDocument.of(Map.of("n", 1)));
        assertThat(integer.get("n")).contains(1L);
    }

    @Test
    void givenNumberTooBigForALong_parse_keepsItExactly() {
        JsonDocument document = JsonDocument.parse("{\"n\": 123456789012345678901234567890}");

        assertThat(document.get("n")).contains(new BigInteger("123456789012345678901234567890"));
        assertThat(document.toJson()).isEqualTo("{\"n\":123456789012345678901234567890}");
    }

    @Test
    void givenFraction_parse_keepsItAsAnExactDecimal() {
        assertThat(JsonDocument.parse("{\"n\": 0.10}").get("n")).contains(new BigDecimal("0.1"));
        assertThat(JsonDocument.parse("{\"n\": 0.1}")).isEqualTo(JsonDocument.of(Map.of("n", 0.1)));
    }

    @Test
    void givenNaN_of_refusesItNamingThePath() {
        assertThatThrownBy(() -> JsonDocument.of(Map.of("a", Map.of("b", Double.NaN))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("document/a/b");
                    assertThat(e.rule()).isEqualTo("is not a JSON number");
                });
    }

    @Test
    void givenValueThatIsNotJson_of_refusesItNamingThePathAndType() {
        assertThatThrownBy(() -> JsonDocument.of(Map.of("list", List.of(1, new Object()))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("document/list/1");
                    assertThat(e.value()).isEqualTo("Object");
                    assertThat(e.rule()).isEqualTo("is not a JSON value");
                });
    }

    @Test
    void givenNonStringKey_of_refusesIt() {
        Map<Object, Object> nested = new HashMap<>();
        nested.put(7, "x");

        assertThatThrownBy(() -> JsonDocument.of(Map.of("a", nested)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("document/a");
                    assertThat(e.value()).isEqualTo("7");
                    assertThat(e.rule()).isEqualTo("object keys must be strings");
                });
    }

    @Test
    void givenNullMap_of_refusesIt() {
        assertThatThrownBy(() -> JsonDocument.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("document"));
    }

    // --- reading ---------------------------------------------------------------------------------

    @Test
    void givenPointers_at_findsValuesInObjectsAndArrays() {
        assertThat(SAMPLE.at("/name")).contains("home");
        assertThat(SAMPLE.at("/auth/user")).contains("bob");
        assertThat(SAMPLE.at("/tags/1")).contains("b");
        assertThat(SAMPLE.at("/a~1b/c~0d")).contains(1L);
        assertThat(SAMPLE.at("")).contains(SAMPLE.asMap());
    }

    @Test
    void givenPointersToNothing_at_isEmpty() {
        assertThat(SAMPLE.at("/missing")).isEmpty();
        assertThat(SAMPLE.at("/auth/missing")).isEmpty();
        assertThat(SAMPLE.at("/auth/token")).as("a JSON null reads as absent").isEmpty();
        assertThat(SAMPLE.at("/tags/2")).isEmpty();
        assertThat(SAMPLE.at("/tags/01")).isEmpty();
        assertThat(SAMPLE.at("/name/x")).isEmpty();
    }

    @Test
    void givenPointerWithoutLeadingSlash_at_refusesIt() {
        assertThatThrownBy(() -> SAMPLE.at("name"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("pointer");
                    assertThat(e.value()).isEqualTo("name");
                });
    }

    @Test
    void givenFields_getAndHas_distinguishAbsentFromNull() {
        assertThat(SAMPLE.get("name")).contains("home");
        assertThat(SAMPLE.has("name")).isTrue();
        assertThat(SAMPLE.has("nope")).isFalse();
        assertThat(SAMPLE.isEmpty()).isFalse();
        assertThat(JsonDocument.empty().isEmpty()).isTrue();
    }

    // --- changing --------------------------------------------------------------------------------

    @Test
    void givenExistingLocation_replaceAt_returnsACopyWithTheNewValue() {
        JsonDocument changed = SAMPLE.replaceAt("/auth/user", "alice").replaceAt("/tags/0", "z");

        assertThat(changed.at("/auth/user")).contains("alice");
        assertThat(changed.at("/tags")).contains(List.of("z", "b"));
        assertThat(SAMPLE.at("/auth/user")).contains("bob");
    }

    @Test
    void givenNullValuedField_replaceAt_replacesIt() {
        assertThat(SAMPLE.replaceAt("/auth/token", "(set)").at("/auth/token")).contains("(set)");
    }

    @Test
    void givenMissingLocationOrRoot_replaceAt_returnsTheSameDocument() {
        assertThat(SAMPLE.replaceAt("/auth/missing", "x")).isSameAs(SAMPLE);
        assertThat(SAMPLE.replaceAt("/none/deeper", "x")).isSameAs(SAMPLE);
        assertThat(SAMPLE.replaceAt("", "x")).isSameAs(SAMPLE);
    }

    @Test
    void givenOverlay_mergedWith_mergesObjectsDeeplyAndLetsTheOverlayWin() {
        JsonDocument base = JsonDocument.parse("""
                {"a": 1, "http": {"timeout": 10, "verbose": false, "headers": {"x": "1"}}, "list": [1, 2]}
                """);
        JsonDocument overlay = JsonDocument.parse("""
                {"b": 2, "http": {"verbose": true, "headers": {"y": "2"}}, "list": [3]}
                """);

        assertThat(base.mergedWith(overlay)).isEqualTo(JsonDocument.parse("""
                {"a": 1, "http": {"timeout": 10, "verbose": true, "headers": {"x": "1", "y": "2"}}, "list": [3], "b": 2}
                """));
    }

    @Test
    void givenScalarOverlayOnAnObject_mergedWith_replacesTheObject() {
        JsonDocument base = JsonDocument.parse("{\"http\": {\"timeout\": 10}}");

        assertThat(base.mergedWith(JsonDocument.parse("{\"http\": \"off\"}")).at("/http")).contains("off");
    }

    @Test
    void givenEmptySide_mergedWith_returnsTheOtherSide() {
        assertThat(SAMPLE.mergedWith(JsonDocument.empty())).isSameAs(SAMPLE);
        assertThat(JsonDocument.empty().mergedWith(SAMPLE)).isSameAs(SAMPLE);
    }

    // --- immutability and text -------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void givenAnyDocument_asMap_isUnmodifiableAllTheWayDown() {
        Map<String, Object> map = SAMPLE.asMap();

        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) map.get("auth")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) map.get("tags")).add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(SAMPLE.at("/tags")).contains(List.of("a", "b"));
    }

    @Test
    void givenMutableSource_of_copiesItSoLaterChangesDoNotLeakIn() {
        Map<String, Object> source = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>(List.of("a"));
        source.put("list", list);
        JsonDocument document = JsonDocument.of(source);

        source.put("extra", 1);
        list.add("b");

        assertThat(document).isEqualTo(JsonDocument.parse("{\"list\": [\"a\"]}"));
    }

    @Test
    void givenDocument_toJson_isCompactAndKeepsFieldOrder() {
        assertThat(JsonDocument.parse("{ \"b\" : 1, \"a\" : [true, null, \"x\"] }").toJson())
                .isEqualTo("{\"b\":1,\"a\":[true,null,\"x\"]}");
        assertThat(JsonDocument.empty().toJson()).isEqualTo("{}");
    }

    @Test
    void givenDocument_parseOfToJson_roundTripsToAnEqualDocument() {
        JsonDocument built = JsonDocument.of(Map.of("n", 1, "d", 2.5, "big", new BigInteger("98765432109876543210"),
                "nested", Map.of("list", List.of(1, "two", true)), "flag", false));

        assertThat(JsonDocument.parse(SAMPLE.toJson())).isEqualTo(SAMPLE);
        assertThat(JsonDocument.parse(built.toJson())).isEqualTo(built);
        assertThat(SAMPLE.toString()).isEqualTo(SAMPLE.toJson());
    }

    @Test
    void givenANulCharacter_inAValueOrAKey_isRefusedNamingWhere_withoutRepeatingTheValue() {
        String secretish = "s3cr3t\u0000tail";

        assertThatThrownBy(() -> JsonDocument.of(Map.of("auth", Map.of("token", secretish))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("/auth/token").hasMessageContaining("U+0000").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> JsonDocument.of(Map.of("list", List.of("ok", "\u0000"))))
                .hasMessageContaining("/list/1");
        assertThatThrownBy(() -> JsonDocument.of(Map.of("k\u0000", 1))).hasMessageContaining("a key");
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": \"\\u0000\"}")).hasMessageContaining("/a");
    }
}
