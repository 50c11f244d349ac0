package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.run.TraceContext;
import dev.plugboard.domain.settings.JsonDocument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code plugin_runs}, with its plugin's name in place of the plugin's row id. The lease
 * is both {@code leaseHolder} and {@code leaseExpiresAt} or neither.
 */
record RunRow(UUID id, String userId, String organizationId, String plugin, String trigger, String status,
              String input, String output, String errorCode, String errorMessage, int attempt, String idempotencyKey,
              Instant createdAt, Instant startedAt, Instant completedAt, long version, String leaseHolder,
              Instant leaseExpiresAt, Instant availableAt, String settingsOverlay, String traceContext, String environment) {

    /** The columns {@link #read} reads: a run {@code r} joined to its plugin {@code p}. */
    static final String COLUMNS = "r.id, r.user_id, r.organization_id, p.name AS plugin, r.trigger, r.status, r.input, "
            + "r.output, r.error_code, r.error_message, r.attempt, r.idempotency_key, r.created_at, r.started_at, "
            + "r.completed_at, r.version, r.lease_holder, r.lease_expires_at, r.available_at, r.settings_overlay, r.trace_context, "
            + "r.environment";

    static RunRow from(PluginRun run) {
        return new RunRow(run.id().value(), Owners.userId(run.owner()), Owners.organizationId(run.owner()),
                run.plugin().value(), run.trigger().wireName(), run.status().wireName(), run.input().toJson(),
                run.output().map(JsonDocument::toJson).orElse(null), run.error().map(RunError::code).orElse(null),
                run.error().map(RunError::message).orElse(null), run.attempt(), run.idempotencyKey().orElse(null),
                run.createdAt(), run.startedAt().orElse(null), run.completedAt().orElse(null), run.version(),
                run.lease().map(Lease::holder).orElse(null), run.lease().map(Lease::expiresAt).orElse(null),
                run.availableAt(), run.settingsOverlay().toJson(), run.trace().map(TraceContext::stored).orElse(null),
                run.environment().name());
    }

    static RunRow read(ResultSet row) throws SQLException {
        return new RunRow(Sql.uuid(row, "id"), row.getString("user_id"), row.getString("organization_id"),
                row.getString("plugin"), row.getString("trigger"), row.getString("status"), row.getString("input"),
                row.getString("output"), row.getString("error_code"), row.getString("error_message"),
                row.getInt("attempt"), row.getString("idempotency_key"), Sql.instant(row, "created_at"),
                Sql.instant(row, "started_at"), Sql.instant(row, "completed_at"), row.getLong("version"),
                row.getString("lease_holder"), Sql.instant(row, "lease_expires_at"), Sql.instant(row, "available_at"),
                row.getString("settings_overlay"), row.getString("trace_context"), row.getString("environment"));
    }

    PluginRun toDomain() {
        return PluginRun.reconstitute(RunId.of(id), Owners.of(userId, organizationId), PluginName.of(plugin),
                RunTrigger.fromWire(trigger), RunStatus.fromWire(status), JsonDocument.parse(input),
                output == null ? null : JsonDocument.parse(output),
                errorCode == null ? null : new RunError(errorCode, errorMessage), attempt, idempotencyKey, createdAt,
                startedAt, completedAt, version, leaseHolder == null ? null : new Lease(leaseHolder, leaseExpiresAt),
                availableAt).withSettingsOverlay(JsonDocument.parse(settingsOverlay))
                .withTrace(traceContext == null ? null : TraceContext.fromStored(traceContext))
                .withEnvironment(Environment.of(environment));
    }
}
