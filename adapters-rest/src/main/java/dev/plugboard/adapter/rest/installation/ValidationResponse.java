package dev.plugboard.adapter.rest.installation;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.adapter.rest.problem.Problem;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The verdict of a dry run: every violation, the summary a failed save would carry, and the
 * settings as they would be stored (defaults applied, secrets redacted).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidationResponse(boolean valid, List<Problem.ViolationBody> violations, @Nullable String summary,
                                 @JsonObject Map<String, Object> settings) {

    public static ValidationResponse from(ValidationReport report) {
        return new ValidationResponse(report.valid(), report.violations().stream().map(Problem.ViolationBody::from).toList(),
                report.summary().orElse(null), report.effectiveSettings().asMap());
    }
}
