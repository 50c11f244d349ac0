package dev.plugboard.domain.settings;

import com.networknt.schema.JsonSchema;

/** A schema compiled once, with the resolver of the secret fields it declares and where its defaults could apply. */
record CompiledSchema(JsonDocument source, SchemaDraft draft, JsonSchema schema, SecretFieldResolver secrets,
                      DefaultSites defaults) {
}
