package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsSpec;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a plugin says about itself: the single source of truth for its metadata, read from
 * {@code plugin.yaml} or from a builtin handler. Checks every field's own invariants; whether the
 * schemas and defaults fit together is checked when the plugin is registered.
 */
public record PluginManifest(
        PluginName name,
        String displayName,
        String description,
        String owner,
        SemanticVersion version,
        String schemaVersion,
        List<String> capabilities,
        String category,
        List<String> tags,
        Optional<String> icon,
        JsonDocument defaultSettings,
        JsonDocument settingsSchema,
        Optional<JsonDocument> inputSchema,
        Optional<JsonDocument> outputSchema,
        List<Dependency> dependencies,
        PluginSource source,
        ExecutionPolicy execution,
        List<SettingsMigration> settingsMigrations,
        Optional<PluginOrigin> origin) {

    /** The only manifest format this version of Plugboard reads. */
    public static final String SCHEMA_VERSION = "v1";
    public static final String DEFAULT_CATEGORY = "general";
    public static final int MAX_TAGS = 10;

    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern NO_SPACE = Pattern.compile("^\\S+$");

    public PluginManifest {
        Require.present("plugin name", name).requireRegistrable();
        displayName = Require.length("display name", Require.nonBlank("display name", displayName), 1, 100);
        description = Require.length("description", description == null ? "" : description.strip(), 0, 2000);
        owner = Require.length("owner", Require.nonBlank("owner", owner), 1, 100);
        Require.present("version", version);
        if (!SCHEMA_VERSION.equals(schemaVersion)) {
            throw new InvalidValueException("manifest schema version", schemaVersion,
                    "this Plugboard reads manifests of schema version '" + SCHEMA_VERSION + "'");
        }
        capabilities = uniqueTokens("capability", capabilities, 50, 1, 100);
        category = Require.matches("category", Require.length("category", Require.nonBlank("category", category), 2, 50),
                CATEGORY, "use lowercase letters, digits and dashes, e.g. 'analytics'");
        tags = uniqueTokens("tag", tags, MAX_TAGS, 2, 30);
        icon = Require.present("icon", icon).map(value -> Require.length("icon", value.strip(), 1, 200));
        Require.present("default settings", defaultSettings);
        Require.present("settings schema", settingsSchema);
        Require.present("input schema", inputSchema);
        Require.present("output schema", outputSchema);
        dependencies = List.copyOf(Require.present("dependencies", dependencies));
        Set<PluginName> seen = new HashSet<>();
        for (Dependency dependency : dependencies) {
            if (dependency.plugin().equals(name)) {
                throw new InvalidValueException("dependency", dependency, "a plugin cannot depend on itself");
            }
            if (!seen.add(dependency.plugin())) {
                throw new InvalidValueException("dependency", dependency.plugin(), "is listed more than once");
            }
        }
        Require.present("source", source);
        Require.present("execution policy", execution);
        settingsMigrations = List.copyOf(Require.present("settings migrations", settingsMigrations));
        Require.present("origin", origin);
    }

    private static List<String> uniqueTokens(String field, List<String> values, int maxCount, int minLength, int maxLength) {
        Require.present(field + "s", values);
        if (values.size() > maxCount) {
            throw new InvalidValueException(field + "s", values, "at most " + maxCount + " are allowed (got " + values.size() + ")");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String value : values) {
            String token = Require.nonBlank(field, value);
            Require.length(field, token, minLength, maxLength);
            Require.matches(field, token, NO_SPACE, "must not contain spaces");
            unique.add(token);
        }
        return List.copyOf(unique);
    }

    /** The settings contract the settings policy checks. */
    public SettingsSpec settingsSpec() {
        return new SettingsSpec(name.value(), version.toString(), settingsSchema, defaultSettings);
    }

    /** Whether the plugin subscribes to an event type, declared as capability {@code event:<type>}. */
    public boolean subscribesTo(String eventType) {
        return capabilities.contains("event:" + eventType);
    }

    public static Builder builder(String name, String version) {
        return new Builder(PluginName.of(name), SemanticVersion.parse(version));
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, version);
        builder.displayName = displayName;
        builder.description = description;
        builder.owner = owner;
        builder.schemaVersion = schemaVersion;
        builder.capabilities = capabilities;
        builder.category = category;
        builder.tags = tags;
        builder.icon = icon.orElse(null);
        builder.defaultSettings = defaultSettings;
        builder.settingsSchema = settingsSchema;
        builder.inputSchema = inputSchema.orElse(null);
        builder.outputSchema = outputSchema.orElse(null);
        builder.dependencies = dependencies;
        builder.source = source;
        builder.execution = execution;
        builder.settingsMigrations = settingsMigrations;
        builder.origin = origin.orElse(null);
        return builder;
    }

    /** Fluent construction with sensible defaults; {@link #build()} checks every invariant. */
    public static final class Builder {
        private PluginName name;
        private SemanticVersion version;
        private String displayName;
        private String description = "";
        private String owner = "plugboard";
        private String schemaVersion = SCHEMA_VERSION;
        private List<String> capabilities = List.of();
        private String category = DEFAULT_CATEGORY;
        private List<String> tags = List.of();
        private String icon;
        private JsonDocument defaultSettings = JsonDocument.empty();
        private JsonDocument settingsSchema = JsonDocument.of(java.util.Map.of("type", "object"));
        private JsonDocument inputSchema;
        private JsonDocument outputSchema;
        private List<Dependency> dependencies = List.of();
        private PluginSource source = PluginSource.REGISTERED;
        private ExecutionPolicy execution = ExecutionPolicy.DEFAULT;
        private List<SettingsMigration> settingsMigrations = List.of();
        private PluginOrigin origin;

        private Builder(PluginName name, SemanticVersion version) {
            this.name = name;
            this.version = version;
            this.displayName = name.value();
        }

        public Builder version(String value) { this.version = SemanticVersion.parse(value); return this; }
        public Builder displayName(String value) { this.displayName = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder owner(String value) { this.owner = value; return this; }
        public Builder schemaVersion(String value) { this.schemaVersion = value; return this; }
        public Builder capabilities(List<String> value) { this.capabilities = value; return this; }
        public Builder category(String value) { this.category = value; return this; }
        public Builder tags(List<String> value) { this.tags = value; return this; }
        public Builder icon(String value) { this.icon = value; return this; }
        public Builder defaultSettings(JsonDocument value) { this.defaultSettings = value; return this; }
        public Builder settingsSchema(JsonDocument value) { this.settingsSchema = value; return this; }
        public Builder inputSchema(JsonDocument value) { this.inputSchema = value; return this; }
        public Builder outputSchema(JsonDocument value) { this.outputSchema = value; return this; }
        public Builder dependencies(List<Dependency> value) { this.dependencies = value; return this; }
        public Builder source(PluginSource value) { this.source = value; return this; }
        public Builder execution(ExecutionPolicy value) { this.execution = value; return this; }
        public Builder settingsMigrations(List<SettingsMigration> value) { this.settingsMigrations = value; return this; }
        public Builder origin(PluginOrigin value) { this.origin = value; return this; }

        public PluginManifest build() {
            return new PluginManifest(name, displayName, description, owner, version, schemaVersion, capabilities,
                    category, tags, Optional.ofNullable(icon), defaultSettings, settingsSchema,
                    Optional.ofNullable(inputSchema), Optional.ofNullable(outputSchema), dependencies, source, execution,
                    settingsMigrations, Optional.ofNullable(origin));
        }
    }
}
