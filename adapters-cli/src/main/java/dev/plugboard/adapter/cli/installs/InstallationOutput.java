package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.installation.InstallationView;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How installations are shown. Only {@link InstallationView}s reach this class, whose secret
 * settings already read {@code (set)}, so nothing here can print a secret.
 */
final class InstallationOutput {

    private InstallationOutput() {
    }

    static Map<String, Object> json(InstallationView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id().toString());
        json.put("owner", view.owner().toString());
        json.put("plugin", view.plugin().value());
        json.put("enabled", view.enabled());
        json.put("pluginEnabled", view.pluginEnabled());
        json.put("active", view.active());
        json.put("settings", view.settings().asMap());
        json.put("secretsSet", view.secretsSet().stream().sorted().toList());
        json.put("executionCount", view.executionCount());
        json.put("lastExecutedAt", Json.time(view.lastExecutedAt()));
        json.put("lastError", view.lastError().orElse(null));
        json.put("version", view.version());
        json.put("createdAt", Json.time(view.createdAt()));
        json.put("updatedAt", Json.time(view.updatedAt()));
        json.put("needsAttention", view.needsAttention());
        json.put("violations", view.attention().violations().stream().map(v -> Map.of("pointer", v.pointer(),
                "keyword", v.keyword(), "message", v.message())).toList());
        json.put("installedBy", view.provenance().installedBy().orElse(null));
        json.put("installedAt", Json.time(view.createdAt()));
        json.put("installedVersion", view.provenance().installedVersion().orElse(null));
        json.put("pluginVersion", view.pluginVersion());
        json.put("environment", view.environment().name());
        Map<String, Object> overrides = new java.util.TreeMap<>();
        view.overrides().forEach((environment, override) -> overrides.put(environment, override.asMap()));
        json.put("overrides", overrides);
        return json;
    }

    static void table(List<InstallationView> views, PrintWriter out) {
        Table table = new Table("PLUGIN", "ENABLED", "PLUGIN STATUS", "SETTINGS STATUS", "RUNS", "LAST RUN", "SETTINGS");
        views.forEach(v -> table.row(v.plugin(), v.enabled() ? "yes" : "no", v.pluginEnabled() ? "enabled" : "disabled",
                v.needsAttention() ? "needs_attention" : "valid", v.executionCount(), v.lastExecutedAt(), v.settings().toJson()));
        table.print(out);
    }

    static void describe(InstallationView view, PrintWriter out) {
        new Table("Plugin:", view.plugin().value())
                .row("Owner:", view.owner())
                .row("Enabled:", (view.enabled() ? "yes" : "no") + (view.pluginEnabled() ? "" : " (the plugin is disabled for everyone)"))
                .row("Settings:", view.settings().toJson()
                        + (view.environment().isDefault() ? "" : " (environment " + view.environment() + ")"))
                .row("Overrides:", view.overrides().isEmpty() ? "none" : view.overrides().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().toJson()).sorted().collect(java.util.stream.Collectors.joining("; ")))
                .row("Attention:", view.needsAttention() ? "needs_attention: " + view.attention().summary()
                        + "; save valid settings with `plugboard installs configure`" : "none")
                .row("Runs:", view.executionCount())
                .row("Last run:", view.lastExecutedAt())
                .row("Last error:", view.lastError())
                .row("Version:", view.version())
                .row("Installed:", view.createdAt() + view.provenance().installedBy().map(by -> " by " + by).orElse(""))
                .row("Plugin version:", view.pluginVersion() + view.provenance().installedVersion()
                        .filter(at -> !at.equals(view.pluginVersion())).map(at -> " (installed at " + at + ")").orElse(""))
                .row("Updated:", view.updatedAt())
                .print(out);
    }

    /** The line printed after a change: what it is now, in one glance. */
    static String summary(String verb, InstallationView view) {
        return verb + " " + view.plugin() + " for " + view.owner()
                + (view.environment().isDefault() ? "" : " in environment " + view.environment()) + " (" + (view.active() ? "active" : view.enabled()
                ? "enabled, but the plugin is disabled for everyone" : "disabled") + "); settings: " + view.settings().toJson();
    }
}
