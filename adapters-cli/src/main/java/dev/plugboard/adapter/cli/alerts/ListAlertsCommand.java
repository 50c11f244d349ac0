package dev.plugboard.adapter.cli.alerts;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code plugboard alerts list}: alerts, the most recently seen first. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List alerts, the most recently seen first (at most 500)."},
        footer = {"%nExamples:", "  plugboard alerts list", "  plugboard alerts list --status open --json"})
public class ListAlertsCommand extends CliCommand {

    private final Provider<AlertsUseCase> alerts;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only open, acknowledged or resolved alerts.")
    private String status;

    @Mixin
    private LimitOption limit;

    @Mixin
    private JsonOption json;

    public ListAlertsCommand(Provider<AlertsUseCase> alerts) {
        this.alerts = alerts;
    }

    @Override
    protected ExitCode execute() {
        Optional<AlertStatus> only = Optional.ofNullable(status).map(s -> AlertStatus.fromWire(s.strip()));
        List<Alert> found = alerts.get().list(only, limit.value().orElse(AlertsUseCase.MAX_LIST));
        if (json.enabled()) {
            Json.print(out(), found.stream().map(AlertOutput::json).toList());
        } else if (found.isEmpty()) {
            out().println("No alerts" + only.map(s -> " " + s.wireName()).orElse("") + ".");
        } else {
            AlertOutput.table(found, out());
        }
        return ExitCode.OK;
    }
}
