package dev.plugboard.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Change;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.out.ManifestDiscovery.Problem;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a catalog sync did: plugins added, updated (with both versions), unchanged, and manifests rejected with why. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncReportResponse(List<String> added, List<ChangeBody> updated, List<String> unchanged,
                                 List<RejectedBody> rejected, String summary) {

    /** A plugin whose manifest changed. */
    @Serdeable
    public record ChangeBody(String plugin, String fromVersion, String toVersion) {
        static ChangeBody from(Change change) {
            return new ChangeBody(change.plugin(), change.fromVersion(), change.toVersion());
        }
    }

    /** A manifest that could not be used. */
    @Serdeable
    public record RejectedBody(String location, String message) {
        static RejectedBody from(Problem problem) {
            return new RejectedBody(problem.location(), problem.message());
        }
    }

    public static SyncReportResponse from(SyncReport report) {
        return new SyncReportResponse(report.added(), report.updated().stream().map(ChangeBody::from).toList(),
                report.unchanged(), report.rejected().stream().map(RejectedBody::from).toList(), report.summary());
    }
}
