package dev.plugboard.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Change;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Impact;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.out.ManifestDiscovery.Problem;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a catalog sync did, or in a dry run would do: the plan (one line per plugin, with its
 * action and, when refused, why), then plugins added, updated (with both versions), unchanged,
 * and manifests rejected with why.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncReportResponse(boolean dryRun, List<PlanBody> plan, List<String> added, List<ChangeBody> updated,
                                 List<String> unchanged, List<RejectedBody> rejected, String summary) {

    /** One plugin's line of the plan: {@code action} is added, upgraded, downgraded, schema changed, changed or unchanged. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PlanBody(String plugin, String action, String source, String fromVersion, String toVersion,
                           boolean schemaChanged, boolean applied, String refusal, List<String> notes, ImpactBody impact) {
        static PlanBody from(PlannedChange change, boolean dryRun) {
            return new PlanBody(change.plugin(), change.action().label(), change.source(), change.fromVersion().orElse(null),
                    change.toVersion().orElse(null), change.schemaChanged(), !dryRun && change.applies(),
                    change.refusal().orElse(null), change.notes(), change.impact().map(ImpactBody::from).orElse(null));
        }
    }

    /** For a changed settings schema: installations checked, how many it breaks, and the first broken ones with their violations. */
    @Serdeable
    public record ImpactBody(int installations, int broken, List<String> examples) {
        static ImpactBody from(Impact impact) {
            return new ImpactBody(impact.installations(), impact.broken(), impact.examples());
        }
    }

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
        return new SyncReportResponse(report.dryRun(),
                report.plan().stream().map(change -> PlanBody.from(change, report.dryRun())).toList(), report.added(), report.updated().stream().map(ChangeBody::from).toList(),
                report.unchanged(), report.rejected().stream().map(RejectedBody::from).toList(), report.summary());
    }
}
