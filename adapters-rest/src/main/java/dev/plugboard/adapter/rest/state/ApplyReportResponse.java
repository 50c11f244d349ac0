package dev.plugboard.adapter.rest.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ApplyReport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an apply changed, or in a dry run would change.
 *
 * @param dryRun  whether nothing was changed
 * @param changes   one line each, as the CLI prints them: {@code + install user:alice/mailer}
 * @param unchanged what the document names that already matches: {@code = workflow user:alice/triage}
 */
@Serdeable
public record ApplyReportResponse(boolean dryRun, List<String> changes, List<String> unchanged) {

    static ApplyReportResponse from(ApplyReport report) {
        return new ApplyReportResponse(report.dryRun(), report.changes(), report.unchanged());
    }
}
