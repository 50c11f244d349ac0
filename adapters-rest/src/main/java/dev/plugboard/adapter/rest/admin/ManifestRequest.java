package dev.plugboard.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A manifest as a request body: the fields of a {@code plugin.yaml}, as JSON. Every field is kept,
 * so the manifest reader can refuse an unknown one instead of it being dropped unnoticed.
 */
@Serdeable.Deserializable
@Schema(name = "Manifest", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "The fields of a plugin.yaml: name and version are required; see the README for the rest.")
public final class ManifestRequest {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @JsonAnySetter
    void field(String name, Object value) {
        fields.put(name, value);
    }

    PluginManifest toDomain() {
        return ManifestDocument.read(JsonDocument.of(fields), PluginSource.REGISTERED);
    }
}
