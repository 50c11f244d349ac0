package dev.plugboard.adapter.rest.catalog;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.plugin.Dependency;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.RetryPolicy;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.map;
import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * Everything about one plugin: its manifest with the settings, input and output schemas, and its
 * switch. {@code installedFrom} and {@code sourceUrl} are the origin its manifest names (null when it names none).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PluginDetailsResponse(String name, String displayName, String description, String owner, String version,
                                    String schemaVersion, String category, List<String> tags,
                                    List<String> capabilities, @Nullable String icon, String source,
                                    @JsonObject Map<String, Object> defaultSettings,
                                    @JsonObject Map<String, Object> settingsSchema,
                                    @Nullable @JsonObject Map<String, Object> inputSchema,
                                    @Nullable @JsonObject Map<String, Object> outputSchema,
                                    List<DependencyBody> dependencies, ExecutionBody execution, boolean enabled,
                                    @Nullable String enabledAt, @Nullable String disabledAt, String registeredAt, String updatedAt,
                                    @Nullable String retiredAt, @Nullable List<String> unsatisfied,
                                    @Nullable String installedFrom, @Nullable String sourceUrl) {

    /** A plugin this one needs, and the versions that will do. */
    @Serdeable
    public record DependencyBody(String plugin, String range) {
        static DependencyBody from(Dependency dependency) {
            return new DependencyBody(dependency.plugin().value(), dependency.range().toString());
        }
    }

    /** How runs execute; durations are ISO-8601 ({@code PT30S}). */
    @Serdeable
    public record ExecutionBody(String mode, String timeout, int maxAttempts, String initialBackoff, String maxBackoff,
                                double multiplier, List<String> nonRetryableCodes) {
        static ExecutionBody from(ExecutionPolicy policy) {
            RetryPolicy retry = policy.retry();
            String mode = policy.mode().manifestName();
            return new ExecutionBody(mode, policy.timeout().toString(), retry.maxAttempts(),
                    retry.initialBackoff().toString(), retry.maxBackoff().toString(), retry.multiplier(),
                    retry.nonRetryableCodes().stream().sorted().toList());
        }
    }

    public static PluginDetailsResponse from(Plugin plugin) {
        return from(plugin, null);
    }

    /** With {@code unsatisfied}: why its dependencies do not hold now (GET /api/plugins/{name} only; null elsewhere). */
    public static PluginDetailsResponse from(Plugin plugin, List<String> unsatisfied) {
        PluginManifest m = plugin.manifest();
        return new PluginDetailsResponse(m.name().value(), m.displayName(), m.description(), m.owner(),
                m.version().toString(), m.schemaVersion(), m.category(), m.tags(), m.capabilities(),
                m.icon().orElse(null), m.source().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                map(m.defaultSettings()), map(m.settingsSchema()), map(m.inputSchema()), map(m.outputSchema()),
                m.dependencies().stream().map(DependencyBody::from).toList(), ExecutionBody.from(m.execution()),
                plugin.isEnabled(), time(plugin.enabledAt()), time(plugin.disabledAt()), time(plugin.registeredAt()),
                time(plugin.updatedAt()), time(plugin.retiredAt()), unsatisfied,
                m.origin().map(origin -> origin.installedFrom().name()).orElse(null),
                m.origin().flatMap(origin -> origin.sourceUrl()).orElse(null));
    }
}
