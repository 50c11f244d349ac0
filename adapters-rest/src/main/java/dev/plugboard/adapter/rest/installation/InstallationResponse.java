package dev.plugboard.adapter.rest.installation;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import dev.plugboard.adapter.rest.problem.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.installation.InstallationView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * An owner's installation as the use cases show it: secret settings read {@code (set)} and
 * {@code secretsSet} lists the JSON pointers of the secrets that have a value. {@code needsAttention}
 * is true when a settings schema change left the stored settings invalid, {@code violations} says why
 * (empty otherwise); the next valid {@code PUT} of the settings clears both. {@code environment} names
 * whose settings {@code settings} are; {@code overrides} holds each environment's stored override
 * (secrets read {@code (set)}), when the installation was read on its own. {@code installedBy},
 * {@code installedAt} and {@code installedVersion} say who installed it, when, at which plugin version
 * ({@code installedBy} and {@code installedVersion} null for installations older than that record);
 * {@code pluginVersion} is the plugin's version now, which an upgrade moves on.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InstallationResponse(String id, String owner, String plugin, @JsonObject Map<String, Object> settings,
                                   List<String> secretsSet, boolean enabled, boolean pluginEnabled, boolean active,
                                   long executionCount, @Nullable String lastExecutedAt, @Nullable String lastError, long version,
                                   String createdAt, String updatedAt, boolean needsAttention,
                                   List<Problem.ViolationBody> violations, String environment,
                                   @JsonObject Map<String, Object> overrides, @Nullable String installedBy,
                                   String installedAt, @Nullable String installedVersion, String pluginVersion) {

    public static InstallationResponse from(InstallationView view) {
        return new InstallationResponse(view.id().toString(), view.owner().toString(), view.plugin().value(),
                view.settings().asMap(), view.secretsSet().stream().sorted().toList(), view.enabled(),
                view.pluginEnabled(), view.active(), view.executionCount(), time(view.lastExecutedAt()),
                view.lastError().orElse(null), view.version(), time(view.createdAt()), time(view.updatedAt()),
                view.needsAttention(), view.attention().violations().stream().map(Problem.ViolationBody::from).toList(),
                view.environment().name(), overrides(view), view.provenance().installedBy().orElse(null),
                time(view.createdAt()), view.provenance().installedVersion().orElse(null), view.pluginVersion());
    }

    private static Map<String, Object> overrides(InstallationView view) {
        Map<String, Object> shown = new java.util.TreeMap<>();
        view.overrides().forEach((environment, override) -> shown.put(environment, override.asMap()));
        return shown;
    }
}
