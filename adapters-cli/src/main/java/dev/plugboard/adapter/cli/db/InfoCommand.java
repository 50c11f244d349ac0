package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.DatabaseAdmin;
import dev.plugboard.adapter.cli.DatabaseAdmin.DatabaseInfo;
import dev.plugboard.adapter.cli.DatabaseAdmin.Migration;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Table;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code plugboard db info}: which database, and how far its schema is migrated. */
@Prototype
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the database in use (URL without password, embedded or not), its schema version and"
                + " the applied and pending migrations.",
        footer = {"%nExample:", "  plugboard db info --json"})
public class InfoCommand extends CliCommand {

    private final Provider<DatabaseAdmin> database;

    @Mixin
    private JsonOption json;

    public InfoCommand(Provider<DatabaseAdmin> database) {
        this.database = database;
    }

    @Override
    protected ExitCode execute() {
        DatabaseInfo info = database.get().info();
        if (json.enabled()) {
            Json.print(out(), json(info));
            return ExitCode.OK;
        }
        new Table("Database:", info.url())
                .row("Embedded:", info.embedded() ? "yes" + info.dataDirectory().map(dir -> ", data in " + dir).orElse("") : "no")
                .row("Schema version:", info.schemaVersion().orElse("(empty)"))
                .row("Migrations:", info.applied().size() + " applied, " + info.pending().size() + " pending")
                .print(out());
        if (!info.applied().isEmpty() || !info.pending().isEmpty()) {
            out().println();
            Table migrations = new Table("VERSION", "STATE", "INSTALLED", "DESCRIPTION");
            Stream.concat(info.applied().stream(), info.pending().stream())
                    .forEach(m -> migrations.row(m.version(), m.state(), m.installedOn(), m.description()));
            migrations.print(out());
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> json(DatabaseInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", info.url());
        json.put("embedded", info.embedded());
        json.put("dataDirectory", info.dataDirectory().orElse(null));
        json.put("schemaVersion", info.schemaVersion().orElse(null));
        json.put("applied", migrations(info.applied()));
        json.put("pending", migrations(info.pending()));
        return json;
    }

    private static List<Map<String, Object>> migrations(List<Migration> migrations) {
        return migrations.stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", m.version());
            json.put("description", m.description());
            json.put("state", m.state());
            json.put("installedOn", Json.time(m.installedOn()));
            return json;
        }).toList();
    }
}
