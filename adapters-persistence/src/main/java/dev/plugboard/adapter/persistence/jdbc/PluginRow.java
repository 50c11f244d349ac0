package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.plugin.Dependency;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginOrigin;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.plugin.SemanticVersion;
import dev.plugboard.domain.plugin.SettingsMigration;
import dev.plugboard.domain.settings.JsonDocument;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One row of {@code plugins}: a plugin's manifest and global switch in the columns' own types. */
record PluginRow(String name, String displayName, String description, String owner, String version,
                 String schemaVersion, String capabilities, String category, String[] tags, String icon,
                 String defaultSettings, String settingsSchema, String inputSchema, String outputSchema,
                 String dependencies, String source, String execution, boolean enabled, Instant enabledAt,
                 Instant disabledAt, Instant registeredAt, Instant updatedAt, Instant retiredAt,
                 String settingsMigrations, String installedFrom, String sourceUrl) {

    /** The columns in the order of {@link #values()}, for INSERT and SELECT alike. */
    static final String COLUMNS = "name, display_name, description, owner, version, schema_version, capabilities, "
            + "category, tags, icon, default_settings, settings_schema, input_schema, output_schema, dependencies, "
            + "source, execution, enabled, enabled_at, disabled_at, registered_at, updated_at, retired_at, "
            + "settings_migrations, installed_from, source_url";

    /** The INSERT placeholders matching {@link #COLUMNS}, jsonb ones cast from text. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, "
            + "?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?";

    static PluginRow from(Plugin plugin) {
        PluginManifest m = plugin.manifest();
        return new PluginRow(m.name().value(), m.displayName(), m.description(), m.owner(), m.version().toString(),
                m.schemaVersion(), JsonArrays.write(m.capabilities()), m.category(), m.tags().toArray(String[]::new),
                m.icon().orElse(null), m.defaultSettings().toJson(), m.settingsSchema().toJson(),
                m.inputSchema().map(JsonDocument::toJson).orElse(null),
                m.outputSchema().map(JsonDocument::toJson).orElse(null),
                JsonArrays.write(m.dependencies().stream()
                        .map(d -> Map.of("plugin", d.plugin().value(), "range", d.range().toString())).toList()),
                m.source().name().toLowerCase(Locale.ROOT), executionJson(m.execution()), plugin.isEnabled(),
                plugin.enabledAt().orElse(null), plugin.disabledAt().orElse(null), plugin.registeredAt(),
                plugin.updatedAt(), plugin.retiredAt().orElse(null),
                JsonArrays.write(m.settingsMigrations().stream().map(SettingsMigration::write).toList()),
                m.origin().map(o -> o.installedFrom().name()).orElse(null),
                m.origin().flatMap(PluginOrigin::sourceUrl).orElse(null));
    }

    static PluginRow read(ResultSet row) throws SQLException {
        return new PluginRow(row.getString("name"), row.getString("display_name"), row.getString("description"),
                row.getString("owner"), row.getString("version"), row.getString("schema_version"),
                row.getString("capabilities"), row.getString("category"), (String[]) row.getArray("tags").getArray(),
                row.getString("icon"), row.getString("default_settings"), row.getString("settings_schema"),
                row.getString("input_schema"), row.getString("output_schema"), row.getString("dependencies"),
                row.getString("source"), row.getString("execution"), row.getBoolean("enabled"),
                Sql.instant(row, "enabled_at"), Sql.instant(row, "disabled_at"), Sql.instant(row, "registered_at"),
                Sql.instant(row, "updated_at"), Sql.instant(row, "retired_at"), row.getString("settings_migrations"),
                row.getString("installed_from"), row.getString("source_url"));
    }

    Object[] values() {
        return new Object[] {name, displayName, description, owner, version, schemaVersion, capabilities, category,
            tags, icon, defaultSettings, settingsSchema, inputSchema, outputSchema, dependencies, source, execution,
            enabled, enabledAt, disabledAt, registeredAt, updatedAt, retiredAt, settingsMigrations, installedFrom, sourceUrl};
    }

    Plugin toDomain() {
        PluginManifest manifest = new PluginManifest(PluginName.of(name), displayName, description, owner,
                SemanticVersion.parse(version), schemaVersion, JsonArrays.readStrings(capabilities), category,
                Arrays.asList(tags), Optional.ofNullable(icon), JsonDocument.parse(defaultSettings),
                JsonDocument.parse(settingsSchema), Optional.ofNullable(inputSchema).map(JsonDocument::parse),
                Optional.ofNullable(outputSchema).map(JsonDocument::parse),
                JsonArrays.readObjects(dependencies).stream()
                        .map(d -> Dependency.of(d.get("plugin"), d.get("range"))).toList(),
                PluginSource.valueOf(source.toUpperCase(Locale.ROOT)), execution(JsonDocument.parse(execution)),
                SettingsMigration.read(JsonDocument.parse("{\"steps\": " + settingsMigrations + "}").get("steps").orElse(null)),
                PluginOrigin.of(Optional.ofNullable(installedFrom), Optional.ofNullable(sourceUrl)));
        return Plugin.reconstitute(manifest, enabled, enabledAt, disabledAt, registeredAt, updatedAt, retiredAt);
    }

    /** Durations as ISO-8601 text, so that every duration round-trips exactly. */
    private static String executionJson(ExecutionPolicy execution) {
        RetryPolicy retry = execution.retry();
        Map<String, Object> retryJson = new LinkedHashMap<>();
        retryJson.put("maxAttempts", retry.maxAttempts());
        retryJson.put("initialBackoff", retry.initialBackoff().toString());
        retryJson.put("maxBackoff", retry.maxBackoff().toString());
        retryJson.put("multiplier", retry.multiplier());
        retryJson.put("nonRetryableCodes", retry.nonRetryableCodes().stream().sorted().toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", execution.mode().name().toLowerCase(Locale.ROOT));
        json.put("timeout", execution.timeout().toString());
        json.put("retry", retryJson);
        json.put("startTimeout", execution.startTimeout().toString());
        json.put("maxConcurrentPerOwner", execution.maxConcurrentPerOwner());
        return JsonDocument.of(json).toJson();
    }

    private static ExecutionPolicy execution(JsonDocument json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> retry = (Map<String, Object>) json.asMap().get("retry");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) retry.get("nonRetryableCodes");
        return new ExecutionPolicy(ExecutionMode.valueOf(((String) json.asMap().get("mode")).toUpperCase(Locale.ROOT)),
                Duration.parse((String) json.asMap().get("timeout")),
                new RetryPolicy(((Number) retry.get("maxAttempts")).intValue(),
                        Duration.parse((String) retry.get("initialBackoff")),
                        Duration.parse((String) retry.get("maxBackoff")),
                        toDouble(retry.get("multiplier")), Set.copyOf(codes)),
                // Rows written before these fields existed get the defaults.
                json.asMap().containsKey("startTimeout") ? Duration.parse((String) json.asMap().get("startTimeout"))
                        : ExecutionPolicy.DEFAULT_START_TIMEOUT,
                json.asMap().containsKey("maxConcurrentPerOwner") ? ((Number) json.asMap().get("maxConcurrentPerOwner")).intValue()
                        : ExecutionPolicy.UNLIMITED);
    }

    private static double toDouble(Object number) {
        return number instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) number).doubleValue();
    }
}
