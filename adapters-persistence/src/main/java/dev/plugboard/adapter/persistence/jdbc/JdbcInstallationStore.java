package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.domain.settings.JsonDocument;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The plugins' key-value store in {@code installation_store}, one row per installation and key;
 * the rows go when the installation is uninstalled ({@code ON DELETE CASCADE}).
 */
@Singleton
public final class JdbcInstallationStore implements InstallationStore {

    private final Sql sql;

    public JdbcInstallationStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<JsonDocument> get(UUID installation, String key) {
        return sql.one("SELECT value FROM installation_store WHERE installation_id = ? AND key = ?",
                row -> JsonDocument.parse(row.getString("value")), installation, key);
    }

    @Override
    public void put(UUID installation, String key, JsonDocument value) {
        sql.update("INSERT INTO installation_store (installation_id, key, value, updated_at) "
                        + "VALUES (?, ?, ?::jsonb, statement_timestamp()) ON CONFLICT (installation_id, key) "
                        + "DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
                installation, key, value.toJson());
    }

    @Override
    public void delete(UUID installation, String key) {
        sql.update("DELETE FROM installation_store WHERE installation_id = ? AND key = ?", installation, key);
    }

    /** Ordered by key (code point order). */
    @Override
    public Map<String, JsonDocument> all(UUID installation) {
        Map<String, JsonDocument> values = new LinkedHashMap<>();
        sql.list("SELECT key, value FROM installation_store WHERE installation_id = ? ORDER BY key",
                        row -> Map.entry(row.getString("key"), JsonDocument.parse(row.getString("value"))), installation)
                .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(values);
    }
}
