package dev.plugboard.domain.settings;

import com.networknt.schema.JsonSchema;

import java.util.Set;

/** A schema compiled once, with the secret fields it declares. */
record CompiledSchema(JsonDocument source, SchemaDraft draft, JsonSchema schema, Set<String> secretPointers) {
}
