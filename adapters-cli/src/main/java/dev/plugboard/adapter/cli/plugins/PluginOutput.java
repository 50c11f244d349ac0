package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.domain.approval.PluginApproval;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How plugins are shown: a table and a detail page for people, stable JSON objects for scripts. */
final class PluginOutput {

    private PluginOutput() {
    }

    /** The fields of {@code plugins list --json}. */
    static Map<String, Object> summary(Plugin plugin) {
        PluginManifest manifest = plugin.manifest();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", plugin.name().value());
        json.put("displayName", manifest.displayName());
        json.put("version", plugin.version().toString());
        json.put("enabled", plugin.isEnabled());
        json.put("category", manifest.category());
        json.put("tags", manifest.tags());
        json.put("capabilities", manifest.capabilities());
        json.put("description", manifest.description());
        json.put("source", source(manifest.source()));
        json.put("enabledAt", Json.time(plugin.enabledAt()));
        json.put("disabledAt", Json.time(plugin.disabledAt()));
        json.put("registeredAt", Json.time(plugin.registeredAt()));
        json.put("updatedAt", Json.time(plugin.updatedAt()));
        return json;
    }

    /** The fields of {@code plugins show --json}: the summary plus the whole manifest in its file format. */
    static Map<String, Object> details(Plugin plugin) {
        Map<String, Object> json = summary(plugin);
        json.put("installedFrom", plugin.manifest().origin().map(o -> o.installedFrom().name()).orElse(null));
        json.put("sourceUrl", plugin.manifest().origin().flatMap(o -> o.sourceUrl()).orElse(null));
        json.put("manifest", ManifestDocument.write(plugin.manifest()).asMap());
        return json;
    }

    static void table(List<Plugin> plugins, PrintWriter out) {
        Table table = new Table("NAME", "VERSION", "STATUS", "CATEGORY", "SOURCE", "DISPLAY NAME");
        plugins.forEach(p -> table.row(p.name(), p.version(), status(p), p.manifest().category(),
                source(p.manifest().source()), p.manifest().displayName()));
        table.print(out);
    }

    static void approvals(List<PluginApproval> held, PrintWriter out) {
        Table table = new Table("NAME", "VERSION", "STATUS", "REQUESTED", "REASON");
        held.forEach(a -> table.row(a.plugin(), a.version(), a.status().wireName(),
                a.requestedAt().truncatedTo(ChronoUnit.SECONDS), a.reason()));
        table.print(out);
    }

    static Map<String, Object> approval(PluginApproval approval) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("plugin", approval.plugin().value());
        fields.put("version", approval.version().toString());
        fields.put("status", approval.status().wireName());
        fields.put("reason", approval.reason());
        fields.put("requestedAt", approval.requestedAt().toString());
        return fields;
    }

    static void describe(Plugin plugin, PrintWriter out) {
        PluginManifest manifest = plugin.manifest();
        Table fields = new Table("Name:", plugin.name().value());
        fields.row("Display name:", manifest.displayName())
                .row("Version:", plugin.version())
                .row("Status:", status(plugin) + (plugin.isEnabled() ? plugin.enabledAt() : plugin.disabledAt())
                        .map(at -> " since " + at.truncatedTo(ChronoUnit.SECONDS)).orElse(""))
                .row("Category:", manifest.category())
                .row("Tags:", String.join(", ", manifest.tags()))
                .row("Capabilities:", String.join(", ", manifest.capabilities()))
                .row("Source:", source(manifest.source()))
                .row("Origin:", manifest.origin().map(o -> o.installedFrom().name() + o.sourceUrl().map(url -> " " + url)
                        .orElse("")).orElse("not given"))
                .row("Owner:", manifest.owner())
                .row("Dependencies:", manifest.dependencies().stream().map(Object::toString).collect(Collectors.joining(", ")))
                .row("Execution:", manifest.execution().mode().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + ", timeout " + manifest.execution().timeout())
                .row("Registered:", plugin.registeredAt())
                .row("Updated:", plugin.updatedAt())
                .row("Description:", manifest.description())
                .row("Defaults:", manifest.defaultSettings().toJson());
        fields.print(out);
        out.println("Settings schema:");
        out.println(indent(Json.pretty(manifest.settingsSchema())));
        manifest.inputSchema().ifPresent(schema -> {
            out.println("Input schema:");
            out.println(indent(Json.pretty(schema)));
        });
    }

    static String status(Plugin plugin) {
        return plugin.isRetired() ? "retired" : plugin.isEnabled() ? "enabled" : "disabled";
    }

    static String source(PluginSource source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).collect(Collectors.joining(System.lineSeparator()));
    }
}
