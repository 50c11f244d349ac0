package dev.plugboard.adapter.rest.admin;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.audit.AuditEntry;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;
import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.map;

/**
 * One audited operation; {@code before} and {@code after} were redacted before they were recorded;
 * {@code environment} is the environment of the server or CLI that made it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntryResponse(String id, String at, String actor, String action, String target, String outcome,
                                 @Nullable @JsonObject Map<String, Object> before,
                                 @Nullable @JsonObject Map<String, Object> after, String detail, String environment) {

    public static AuditEntryResponse from(AuditEntry entry) {
        return new AuditEntryResponse(entry.id().toString(), entry.at().toString(), entry.actor().toString(),
                entry.action().wireName(), entry.target(), entry.outcome().name().toLowerCase(Locale.ROOT),
                map(entry.before()), map(entry.after()), entry.detail(), entry.environment());
    }
}
