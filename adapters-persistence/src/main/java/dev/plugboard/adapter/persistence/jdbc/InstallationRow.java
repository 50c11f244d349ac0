package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.Provenance;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One row of {@code installations}, with its plugin's name in place of the plugin's row id. */
record InstallationRow(UUID id, String userId, String organizationId, String plugin, String settings, String secrets,
                       boolean enabled,
                       long executionCount, Instant lastExecutedAt, String lastError, long version, Instant createdAt,
                       Instant updatedAt, String attention, String installedBy, String installedVersion) {

    /** The columns {@link #read} reads: an installation {@code i} joined to its plugin {@code p}. */
    static final String COLUMNS = "i.id, i.user_id, i.organization_id, p.name AS plugin, i.settings, i.secrets, i.enabled, "
            + "i.execution_count, i.last_executed_at, i.last_error, i.version, i.created_at, i.updated_at, i.attention, "
            + "i.installed_by, i.installed_version";

    static InstallationRow from(Installation installation) {
        return new InstallationRow(installation.id(), Owners.userId(installation.owner()),
                Owners.organizationId(installation.owner()), installation.plugin().value(),
                installation.settings().toJson(), secretsJson(installation.secrets()), installation.isEnabled(),
                installation.executionCount(),
                installation.lastExecutedAt().orElse(null), installation.lastError().orElse(null),
                installation.version(), installation.createdAt(), installation.updatedAt(),
                AttentionJson.write(installation.attention()), installation.provenance().installedBy().orElse(null),
                installation.provenance().installedVersion().orElse(null));
    }

    static InstallationRow read(ResultSet row) throws SQLException {
        return new InstallationRow(Sql.uuid(row, "id"), row.getString("user_id"), row.getString("organization_id"),
                row.getString("plugin"), row.getString("settings"), row.getString("secrets"), row.getBoolean("enabled"),
                row.getLong("execution_count"), Sql.instant(row, "last_executed_at"), row.getString("last_error"),
                row.getLong("version"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"),
                row.getString("attention"), row.getString("installed_by"), row.getString("installed_version"));
    }

    Installation toDomain() {
        return Installation.reconstitute(id, Owners.of(userId, organizationId), PluginName.of(plugin),
                JsonDocument.parse(settings), secrets(secrets), enabled, executionCount, lastExecutedAt, lastError, version,
                createdAt, updatedAt).withAttention(AttentionJson.read(attention))
                .withProvenance(Provenance.of(installedBy, installedVersion));
    }

    /** Pointer to ciphertext, as a JSON object. */
    static String secretsJson(SealedSecrets secrets) {
        return JsonDocument.of(secrets.asMap()).toJson();
    }

    static SealedSecrets secrets(String json) {
        Map<String, String> byPointer = new TreeMap<>();
        JsonDocument.parse(json).asMap().forEach((pointer, sealed) -> byPointer.put(pointer, (String) sealed));
        return SealedSecrets.of(byPointer);
    }
}
