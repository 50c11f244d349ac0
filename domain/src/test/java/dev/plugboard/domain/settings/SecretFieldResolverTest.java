package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are found wherever a {@code writeOnly} schema reaches a value, not only in plain properties. */
class SecretFieldResolverTest {

    private final SettingsPolicy policy = new SettingsPolicy();

    private java.util.Set<String> secrets(String schema, String settings) {
        return policy.secretPointers(spec(schema), json(settings));
    }

    @Test
    void givenASecretPropertyNamedWriteOnly_isFound() {
        // A property called writeOnly must not hide the writeOnly keyword of its own schema.
        assertThat(secrets("""
                {"properties": {"writeOnly": {"type": "string", "writeOnly": true}}}
                """, "{\"writeOnly\": \"s3cret\"}")).containsExactly("/writeOnly");
    }

    @Test
    void givenNoWriteOnlyInTheSchema_noValueIsSecret() {
        assertThat(secrets("""
                {"properties": {"token": {"type": "string", "readOnly": true}, "n": {"type": "integer"}}}
                """, "{\"token\": \"t\", \"n\": 1}")).isEmpty();
    }

    @Test
    void givenSecretBehindRefToDefs_isFound() {
        assertThat(secrets("""
                {"$defs": {"credential": {"type": "object", "properties": {"key": {"type": "string", "writeOnly": true}}}},
                 "properties": {"primary": {"$ref": "#/$defs/credential"}, "backup": {"$ref": "#/$defs/credential"}}}
                """, "{\"primary\": {\"key\": \"a\"}, \"backup\": {\"key\": \"b\"}}"))
                .containsExactlyInAnyOrder("/primary/key", "/backup/key");
    }

    @Test
    void givenSecretBehindAnAnchorOrDraft07Definitions_isFound() {
        assertThat(secrets("""
                {"$defs": {"k": {"$anchor": "key", "type": "string", "writeOnly": true}},
                 "properties": {"a": {"$ref": "#key"}}}
                """, "{\"a\": \"x\"}")).containsExactly("/a");
        assertThat(secrets("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "definitions": {"k": {"type": "string", "writeOnly": true}},
                 "properties": {"a": {"$ref": "#/definitions/k"}}}
                """, "{\"a\": \"x\"}")).containsExactly("/a");
    }

    @Test
    void givenSecretInArrayItems_everyElementIsFound() {
        assertThat(secrets("""
                {"properties": {"hooks": {"type": "array", "items": {"type": "object",
                   "properties": {"url": {"type": "string"}, "secret": {"type": "string", "writeOnly": true}}}}}}
                """, "{\"hooks\": [{\"url\": \"u\", \"secret\": \"s0\"}, {\"url\": \"v\"}, {\"secret\": \"s2\"}]}"))
                .containsExactlyInAnyOrder("/hooks/0/secret", "/hooks/2/secret");
    }

    @Test
    void givenSecretInPrefixItemsOrDraft07Tuple_onlyThatPositionIsFound() {
        assertThat(secrets("""
                {"properties": {"pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "string", "writeOnly": true}]}}}
                """, "{\"pair\": [\"user\", \"pass\", \"extra\"]}")).containsExactly("/pair/1");
        assertThat(secrets("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "properties": {"pair": {"type": "array", "items": [{"type": "string"}], "additionalItems": {"writeOnly": true}}}}
                """, "{\"pair\": [\"user\", \"p1\", \"p2\"]}")).containsExactlyInAnyOrder("/pair/1", "/pair/2");
    }

    @Test
    void givenSecretInCombinators_everyBranchCounts() {
        assertThat(secrets("""
                {"allOf": [{"properties": {"a": {"writeOnly": true}}}],
                 "anyOf": [{"properties": {"b": {"writeOnly": true}}}, {"properties": {"c": {"type": "string"}}}],
                 "oneOf": [{"properties": {"d": {"writeOnly": true}}}],
                 "if": {"properties": {"e": {"const": 1}}}, "then": {"properties": {"f": {"writeOnly": true}}}}
                """, "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 1, \"f\": 6}"))
                .containsExactlyInAnyOrder("/a", "/b", "/d", "/f");
    }

    @Test
    void givenSecretInAdditionalOrPatternProperties_matchingMembersAreFound() {
        assertThat(secrets("""
                {"properties": {"name": {"type": "string"}},
                 "patternProperties": {"^token_": {"type": "string", "writeOnly": true}},
                 "additionalProperties": {"type": "object", "properties": {"password": {"writeOnly": true}}}}
                """, "{\"name\": \"n\", \"token_a\": \"t\", \"db\": {\"user\": \"u\", \"password\": \"p\"}}"))
                .containsExactlyInAnyOrder("/token_a", "/db/password");
    }

    @Test
    void givenWriteOnlyObject_theWholeObjectIsOneSecret() {
        assertThat(secrets("""
                {"properties": {"creds": {"type": "object", "writeOnly": true,
                   "properties": {"key": {"writeOnly": true}}}}}
                """, "{\"creds\": {\"key\": \"k\", \"id\": \"i\"}}")).containsExactly("/creds");
    }

    @Test
    void givenRecursiveSchema_walkEndsAndFindsNestedSecrets() {
        assertThat(secrets("""
                {"$defs": {"node": {"type": "object", "properties": {
                    "secret": {"writeOnly": true}, "child": {"$ref": "#/$defs/node"}}, "allOf": [{"$ref": "#/$defs/node"}]}},
                 "$ref": "#/$defs/node"}
                """, "{\"secret\": 1, \"child\": {\"child\": {\"secret\": 3}}}"))
                .containsExactlyInAnyOrder("/secret", "/child/child/secret");
    }

    @Test
    void givenNestedSecrets_redact_hidesEachInPlace() {
        SettingsSpec spec = spec("""
                {"$defs": {"c": {"type": "string", "writeOnly": true}},
                 "properties": {"list": {"type": "array", "items": {"$ref": "#/$defs/c"}}}}
                """);

        assertThat(policy.redact(spec, json("{\"list\": [\"a\", \"b\"]}"))).isEqualTo(json("{\"list\": [\"(set)\", \"(set)\"]}"));
    }

    @Test
    void givenDraft07DependenciesDynamicRefsContainsAndPlusInADefsName_secretsAreFound() {
        assertThat(secrets("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "dependencies": {"mode": {"properties": {"key": {"writeOnly": true}}}}}
                """, "{\"mode\": \"x\", \"key\": \"k\"}")).containsExactly("/key");
        assertThat(secrets("""
                {"$defs": {"s": {"$dynamicAnchor": "secret", "writeOnly": true}},
                 "properties": {"a": {"$dynamicRef": "#secret"}}}
                """, "{\"a\": \"x\"}")).containsExactly("/a");
        assertThat(secrets("""
                {"properties": {"list": {"type": "array", "contains": {"writeOnly": true}}}}
                """, "{\"list\": [\"x\", \"y\"]}")).containsExactlyInAnyOrder("/list/0", "/list/1");
        assertThat(secrets("""
                {"$defs": {"api+key": {"writeOnly": true}}, "properties": {"k": {"$ref": "#/$defs/api+key"}}}
                """, "{\"k\": \"x\"}")).containsExactly("/k");
    }

    @Test
    void givenManySecretValues_theWalkStaysLinear_andMoreThanTheBoundAreRefused() {
        SettingsSpec spec = spec("{\"properties\": {\"list\": {\"type\": \"array\", \"items\": {\"writeOnly\": true}}}}");
        java.util.List<Object> many = java.util.Collections.nCopies(SettingsPolicy.MAX_SECRET_VALUES, "s");
        java.util.List<Object> tooMany = java.util.Collections.nCopies(SettingsPolicy.MAX_SECRET_VALUES + 1, "s");

        assertThat(policy.redact(spec, JsonDocument.of(java.util.Map.of("list", many))).at("/list/999")).contains("(set)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.validate(spec, JsonDocument.of(java.util.Map.of("list", tooMany))))
                .isInstanceOf(dev.plugboard.domain.error.InvalidValueException.class)
                .hasMessageContaining(String.valueOf(SettingsPolicy.MAX_SECRET_VALUES));
    }
}
