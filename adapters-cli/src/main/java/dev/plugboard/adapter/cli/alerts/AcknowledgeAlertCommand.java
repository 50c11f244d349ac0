package dev.plugboard.adapter.cli.alerts;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.domain.alert.Alert;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plugboard alerts ack ID}: recorded in the audit trail. */
@Prototype
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = {"Mark an open alert as seen; it stays active until its condition clears or it is resolved. Recorded in the audit trail.", "Exit 3 when no alert has this id."},
        footer = {"%nExample:", "  plugboard alerts ack 6f1c0d2e-0000-4000-8000-000000000000"})
public class AcknowledgeAlertCommand extends CliCommand {

    private final Provider<AlertsUseCase> alerts;

    @Parameters(paramLabel = "ID", description = "The alert's id, from 'plugboard alerts list'.")
    private String id;

    public AcknowledgeAlertCommand(Provider<AlertsUseCase> alerts) {
        this.alerts = alerts;
    }

    @Override
    protected ExitCode execute() {
        Alert alert = alerts.get().acknowledge(Operator.actor(), AlertOutput.id(id));
        out().println("Acknowledged alert " + alert.id() + " (" + alert.kind().wireName() + " " + alert.subject()
                + "): now " + alert.status().wireName() + ".");
        return ExitCode.OK;
    }
}
