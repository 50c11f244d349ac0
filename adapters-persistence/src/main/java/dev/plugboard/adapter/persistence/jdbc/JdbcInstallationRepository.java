package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Installations in PostgreSQL. Every statement names the owner in its WHERE clause, so no call can
 * read or change another owner's installation; updates are guarded by the row's version.
 */
@Singleton
public final class JdbcInstallationRepository implements InstallationRepository {

    private static final Set<String> OWNER_AND_PLUGIN_KEYS =
            Set.of("installations_user_plugin_key", "installations_organization_plugin_key");
    private static final String FROM = " FROM installations i JOIN plugins p ON p.id = i.plugin_id";

    private final Sql sql;
    private final JdbcOwnerDirectory owners;

    public JdbcInstallationRepository(Sql sql, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.owners = owners;
    }

    @Override
    public Optional<Installation> find(Owner owner, PluginName plugin) {
        return sql.one("SELECT " + InstallationRow.COLUMNS + FROM + " WHERE i." + Owners.column(owner) + " = ? AND p.name = ?",
                InstallationRow::read, owner.id(), plugin.value()).map(InstallationRow::toDomain);
    }

    @Override
    public Optional<WithOverrides> findWithOverrides(Owner owner, PluginName plugin) {
        return sql.one("SELECT " + InstallationRow.COLUMNS + ", i.overrides" + FROM + " WHERE i." + Owners.column(owner)
                        + " = ? AND p.name = ?",
                row -> new WithOverrides(InstallationRow.read(row).toDomain(), OverridesJson.read(row.getString("overrides"))),
                owner.id(), plugin.value());
    }

    @Override
    public List<Installation> findByOwner(Owner owner) {
        return sql.list("SELECT " + InstallationRow.COLUMNS + FROM + " WHERE i." + Owners.column(owner) + " = ? ORDER BY p.name",
                InstallationRow::read, owner.id()).stream().map(InstallationRow::toDomain).toList();
    }

    @Override
    public List<Installation> findByPlugin(PluginName plugin) {
        return sql.list("SELECT " + InstallationRow.COLUMNS + FROM + " WHERE p.name = ? ORDER BY i.created_at, i.id",
                InstallationRow::read, plugin.value()).stream().map(InstallationRow::toDomain).toList();
    }

    @Override
    public long countByPlugin(PluginName plugin) {
        return sql.one("SELECT count(*) FROM installations i JOIN plugins p ON p.id = i.plugin_id WHERE p.name = ?",
                row -> row.getLong(1), plugin.value()).orElse(0L);
    }

    @Override
    public long countByOwner(Owner owner) {
        return sql.one("SELECT count(*) FROM installations WHERE " + Owners.column(owner) + " = ?",
                row -> row.getLong(1), owner.id()).orElse(0L);
    }

    @Override
    public Installation add(Installation installation) {
        InstallationRow row = InstallationRow.from(installation);
        // The owner row the foreign key needs; the use cases provision it already, other callers need not.
        owners.ensureExists(installation.owner(), installation.createdAt());
        int inserted;
        try {
            inserted = sql.update("INSERT INTO installations (id, user_id, organization_id, plugin_id, settings, secrets, "
                            + "enabled, execution_count, last_executed_at, last_error, version, created_at, updated_at, attention, "
                            + "installed_by, installed_version) "
                            + "SELECT ?, ?, ?, p.id, ?::jsonb, ?::jsonb, ?, ?, ?, ?, 0, ?, ?, ?::jsonb, ?, ? FROM plugins p WHERE p.name = ?",
                    row.id(), row.userId(), row.organizationId(), row.settings(), row.secrets(), row.enabled(),
                    row.executionCount(),
                    row.lastExecutedAt(), row.lastError(), row.createdAt(), row.updatedAt(), row.attention(),
                    row.installedBy(), row.installedVersion(), row.plugin());
        } catch (UniqueViolation e) {
            if (OWNER_AND_PLUGIN_KEYS.contains(e.constraint())) {
                throw new PluginAlreadyInstalledException(installation.owner(), row.plugin());
            }
            throw e;
        }
        if (inserted == 0) {
            throw new PluginNotFoundException(row.plugin());
        }
        return withVersion(installation, 0);
    }

    @Override
    public Installation update(Installation installation) {
        InstallationRow row = InstallationRow.from(installation);
        String owner = Owners.column(installation.owner());
        // The execution counters are not written here: recordExecution owns them, so an owner's
        // edit never rolls back counts that runs recorded meanwhile.
        Optional<Installation> updated = sql.one("UPDATE installations i SET settings = ?::jsonb, secrets = ?::jsonb, enabled = ?, updated_at = ?, "
                        + "attention = ?::jsonb, version = i.version + 1 FROM plugins p "
                        + "WHERE p.id = i.plugin_id AND i.id = ? AND i." + owner + " = ? AND p.name = ? AND i.version = ? "
                        + "RETURNING i.execution_count, i.last_executed_at, i.last_error",
                result -> Installation.reconstitute(installation.id(), installation.owner(), installation.plugin(),
                        installation.settings(), installation.secrets(), installation.isEnabled(),
                        result.getLong("execution_count"),
                        Sql.instant(result, "last_executed_at"), result.getString("last_error"), installation.version() + 1,
                        installation.createdAt(), installation.updatedAt()).withAttention(installation.attention())
                        .withProvenance(installation.provenance()),
                row.settings(), row.secrets(), row.enabled(), row.updatedAt(), row.attention(), row.id(), installation.owner().id(), row.plugin(), row.version());
        if (updated.isEmpty()) {
            boolean exists = sql.one("SELECT 1" + FROM + " WHERE i.id = ? AND i." + owner + " = ? AND p.name = ?",
                    result -> true, row.id(), installation.owner().id(), row.plugin()).isPresent();
            if (!exists) {
                throw new InstallationNotFoundException(installation.owner(), row.plugin());
            }
            throw new ConcurrencyConflictException("installation", installation.owner() + "/" + row.plugin(),
                    installation.version());
        }
        return updated.get();
    }

    @Override
    public void recordExecution(Owner owner, PluginName plugin, Instant at, Optional<String> error) {
        String lastError = error.map(JdbcInstallationRepository::clipped).orElse(null);
        sql.update("UPDATE installations i SET execution_count = i.execution_count + 1, last_executed_at = ?, last_error = ? "
                        + "FROM plugins p WHERE p.id = i.plugin_id AND i." + Owners.column(owner) + " = ? AND p.name = ?",
                at, lastError, owner.id(), plugin.value());
    }

    /** One statement for both counters: an ended run is counted on the installation row once, not twice. */
    @Override
    public void recordFinalAttempt(Owner owner, PluginName plugin, Instant at, Optional<String> error) {
        countFinalAttempts(owner, plugin, 1, at, error);
    }

    /** The same for {@code count} successes in one statement: the row is locked and written once. */
    @Override
    public void recordSucceededRuns(Owner owner, PluginName plugin, int count, Instant at) {
        countFinalAttempts(owner, plugin, count, at, Optional.empty());
    }

    private void countFinalAttempts(Owner owner, PluginName plugin, int count, Instant at, Optional<String> error) {
        sql.update("UPDATE installations i SET attempt_count = i.attempt_count + ?, execution_count = i.execution_count + ?, "
                        + "last_executed_at = ?, last_error = ? "
                        + "FROM plugins p WHERE p.id = i.plugin_id AND i." + Owners.column(owner) + " = ? AND p.name = ?",
                count, count, at, error.map(JdbcInstallationRepository::clipped).orElse(null), owner.id(), plugin.value());
    }

    private static String clipped(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    @Override
    public void recordAttempt(Owner owner, PluginName plugin, Instant at, Optional<String> retryError) {
        if (retryError.isEmpty()) {
            sql.update("UPDATE installations i SET attempt_count = i.attempt_count + 1 "
                            + "FROM plugins p WHERE p.id = i.plugin_id AND i." + Owners.column(owner) + " = ? AND p.name = ?",
                    owner.id(), plugin.value());
            return;
        }
        String lastError = clipped(retryError.get());
        sql.update("UPDATE installations i SET attempt_count = i.attempt_count + 1, last_executed_at = ?, last_error = ? "
                        + "FROM plugins p WHERE p.id = i.plugin_id AND i." + Owners.column(owner) + " = ? AND p.name = ?",
                at, lastError, owner.id(), plugin.value());
    }

    @Override
    public List<Installation> findBatch(Optional<UUID> after, int limit) {
        return after.map(id -> sql.list("SELECT " + InstallationRow.COLUMNS + FROM + " WHERE i.id > ? ORDER BY i.id LIMIT ?",
                        InstallationRow::read, id, limit))
                .orElseGet(() -> sql.list("SELECT " + InstallationRow.COLUMNS + FROM + " ORDER BY i.id LIMIT ?",
                        InstallationRow::read, limit))
                .stream().map(InstallationRow::toDomain).toList();
    }

    @Override
    public boolean reseal(Installation read, Installation resealed) {
        // Compare-and-set on the settings and secrets read: an owner's write in between wins, and
        // the version is left alone, so a re-encryption never makes the owner's If-Match look stale.
        return sql.update("UPDATE installations SET settings = ?::jsonb, secrets = ?::jsonb "
                        + "WHERE id = ? AND settings = ?::jsonb AND secrets = ?::jsonb",
                resealed.settings().toJson(), InstallationRow.secretsJson(resealed.secrets()), read.id(),
                read.settings().toJson(), InstallationRow.secretsJson(read.secrets())) > 0;
    }

    @Override
    public boolean remove(Owner owner, PluginName plugin) {
        return sql.update("DELETE FROM installations i USING plugins p WHERE p.id = i.plugin_id AND i."
                + Owners.column(owner) + " = ? AND p.name = ?", owner.id(), plugin.value()) > 0;
    }

    @Override
    public Map<Environment, SettingsOverride> overrides(UUID installation) {
        return sql.one("SELECT overrides FROM installations WHERE id = ?", row -> row.getString(1), installation)
                .map(OverridesJson::read).orElse(Map.of());
    }

    @Override
    public Map<String, String> secretReferences(UUID installation) {
        Map<String, String> references = new java.util.TreeMap<>();
        sql.one("SELECT secret_references FROM installations WHERE id = ?", row -> row.getString(1), installation)
                .map(JsonDocument::parse)
                .ifPresent(stored -> stored.asMap().forEach((key, value) -> references.put(key, (String) value)));
        return references;
    }

    @Override
    public void putSecretReferences(UUID installation, Map<String, String> references) {
        sql.update("UPDATE installations SET secret_references = ?::jsonb WHERE id = ?",
                JsonDocument.of(references).toJson(), installation);
    }

    @Override
    public void putOverride(UUID installation, SettingsOverride override) {
        String environment = override.environment().name();
        if (override.isEmpty()) {
            sql.update("UPDATE installations SET overrides = overrides - ?::text WHERE id = ?", environment, installation);
        } else {
            sql.update("UPDATE installations SET overrides = jsonb_set(overrides, ARRAY[?::text], ?::jsonb) WHERE id = ?",
                    environment, OverridesJson.write(override), installation);
        }
    }

    @Override
    public boolean replaceOverride(UUID installation, SettingsOverride expected, SettingsOverride replacement) {
        String environment = replacement.environment().name();
        // jsonb equality ignores key order and spacing: the stored override is compared by value.
        return sql.update("UPDATE installations SET overrides = jsonb_set(overrides, ARRAY[?::text], ?::jsonb)"
                        + " WHERE id = ? AND overrides -> ?::text = ?::jsonb",
                environment, OverridesJson.write(replacement), installation, environment, OverridesJson.write(expected)) > 0;
    }

    private static Installation withVersion(Installation i, long version) {
        return Installation.reconstitute(i.id(), i.owner(), i.plugin(), i.settings(), i.secrets(), i.isEnabled(), i.executionCount(),
                i.lastExecutedAt().orElse(null), i.lastError().orElse(null), version, i.createdAt(), i.updatedAt()).withAttention(i.attention())
                .withProvenance(i.provenance());
    }
}
