package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.domain.health.PluginHealth;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code plugboard plugins health}: every plugin's last health verdict, as the server's health job left it. */
@Prototype
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Show each plugin's health: a score from 0 to 100, its state (healthy, degraded, unhealthy,"
                + " unknown), the reason, when it was last checked and when the state last changed. A running"
                + " server checks every plugboard.health.interval; without one the verdicts do not move."},
        footer = {"%nExamples:", "  plugboard plugins health", "  plugboard plugins health --json"})
public class PluginHealthCommand extends CliCommand {

    private final Provider<PluginHealthUseCase> health;

    @Mixin
    private JsonOption json;

    public PluginHealthCommand(Provider<PluginHealthUseCase> health) {
        this.health = health;
    }

    @Override
    protected ExitCode execute() {
        List<PluginHealth> verdicts = health.get().all();
        if (json.enabled()) {
            Json.print(out(), verdicts.stream().map(PluginHealthCommand::json).toList());
        } else if (verdicts.isEmpty()) {
            out().println("No plugins in the catalog.");
        } else {
            Table table = new Table("PLUGIN", "STATE", "SCORE", "LAST CHECK", "SINCE", "REASON");
            verdicts.forEach(h -> table.row(h.plugin(), h.state().wireName(), h.score(), h.lastCheck(),
                    h.lastStateChange(), h.reason()));
            table.print(out());
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> json(PluginHealth health) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", health.plugin().value());
        json.put("score", health.score());
        json.put("state", health.state().wireName());
        json.put("reason", health.reason());
        json.put("lastHealthCheck", Json.time(health.lastCheck()));
        json.put("lastStateChange", Json.time(health.lastStateChange()));
        return json;
    }
}
