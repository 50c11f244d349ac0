package dev.plugboard.adapter.rest.problem;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.adapter.rest.ProblemStatus;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.installation.PlanLimitExceededException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.Violation;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document: the body of every error this API answers, with the stable
 * {@code code} clients switch on and, where they apply, the settings violations or the plan limit.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      @Nullable List<ViolationBody> violations, @Nullable Integer limit, @Nullable String plan,
                      @Nullable Long current) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://plugboard.dev/problems/";

    /** One way the settings broke the plugin's schema. */
    @Serdeable
    public record ViolationBody(String pointer, String keyword, String message) {
        public static ViolationBody from(Violation violation) {
            return new ViolationBody(violation.pointer(), violation.keyword(), violation.message());
        }
    }

    /** The problem for a domain error: its code names the type, its data becomes extension members. */
    public static Problem from(DomainException error, ProblemStatus status) {
        List<ViolationBody> violations = error instanceof InvalidSettingsException invalid
                ? invalid.violations().stream().map(ViolationBody::from).toList() : null;
        if (error instanceof PlanLimitExceededException limit) {
            return new Problem(TYPE_BASE + error.code(), status.title(), status.code(), error.getMessage(), error.code(),
                    null, limit.limit(), limit.plan(), limit.current());
        }
        return new Problem(TYPE_BASE + error.code(), status.title(), status.code(), error.getMessage(), error.code(),
                violations, null, null, null);
    }

    /** A problem the framework raised (bad JSON, no route, no token): typed by its status alone. */
    public static Problem ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.valueOf(status);
        String code = known.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new Problem("about:blank", known.getReason(), status, detail, code, null, null, null, null);
    }
}
