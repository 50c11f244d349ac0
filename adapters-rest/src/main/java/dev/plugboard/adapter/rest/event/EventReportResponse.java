package dev.plugboard.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.adapter.rest.run.RunResponse;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.EventReport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an event started.
 *
 * @param runs      one run per enabled installation whose plugin subscribes to the event; for a
 *                  duplicate, the runs the first delivery created
 * @param duplicate the idempotency key was seen before: nothing new was created
 * @param skipped   subscribers that could not take the event, each as {@code plugin: why}
 * @param workflowRuns the ids of the workflow runs the event started (the owner's active EVENT workflows)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventReportResponse(List<RunResponse> runs, boolean duplicate, List<String> skipped,
                                  List<String> workflowRuns) {

    static EventReportResponse from(EventReport report) {
        return new EventReportResponse(report.runs().stream().map(RunResponse::from).toList(), report.duplicate(),
                report.skipped(), report.workflowRuns());
    }
}
