package dev.plugboard.adapter.rest.problem;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.adapter.rest.ProblemStatus;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.installation.PlanLimitExceededException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.domain.workflow.ExpressionException;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document: the body of every error this API answers, with the stable
 * {@code code} clients switch on and, where they apply, the settings violations, the plan limit or
 * the problems of a workflow that can't be saved.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      @Nullable List<ViolationBody> violations, @Nullable Integer limit, @Nullable String plan,
                      @Nullable Long current, @Nullable List<WorkflowProblemBody> problems,
                      @Nullable String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://plugboard.dev/problems/";

    /** One way the settings broke the plugin's schema. */
    @Serdeable
    public record ViolationBody(String pointer, String keyword, String message) {
        public static ViolationBody from(Violation violation) {
            return new ViolationBody(violation.pointer(), violation.keyword(), violation.message());
        }
    }

    /**
     * One reason a workflow can't be saved.
     *
     * @param stepOrder the step it is in; null for the workflow's own fields
     * @param field     where: a JSON pointer into the workflow document, such as {@code /steps/1/inputMapping/text}
     * @param reason    what is wrong and what to do
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WorkflowProblemBody(@Nullable Integer stepOrder, String field, String reason) {
        static WorkflowProblemBody from(InvalidWorkflowException.Problem problem) {
            return new WorkflowProblemBody(problem.stepOrder(), problem.field(), problem.reason());
        }
    }

    /** The problem for a domain error: its code names the type, its data becomes extension members. */
    public static Problem from(DomainException error, ProblemStatus status) {
        List<ViolationBody> violations = error instanceof InvalidSettingsException invalid
                ? invalid.violations().stream().map(ViolationBody::from).toList() : null;
        if (error instanceof PlanLimitExceededException limit) {
            return new Problem(TYPE_BASE + error.code(), status.title(), status.code(), error.getMessage(), error.code(),
                    null, limit.limit(), limit.plan(), limit.current(), null, null);
        }
        List<WorkflowProblemBody> problems = error instanceof InvalidWorkflowException invalid
                ? invalid.problems().stream().map(WorkflowProblemBody::from).toList() : null;
        // A 422 is about settings unless it is about a workflow: the title should not send its reader astray.
        String title = error instanceof InvalidWorkflowException || error instanceof ExpressionException
                ? "Invalid workflow" : status.title();
        return new Problem(TYPE_BASE + error.code(), title, status.code(), error.getMessage(), error.code(),
                violations, null, null, null, problems, null);
    }

    /** A problem of this API that is no domain error (a refused webhook delivery): its own code, the status's reason. */
    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem(TYPE_BASE + code, status.getReason(), status.getCode(), detail, code, null, null, null, null,
                null, null);
    }

    /** The same problem, quoting the request it answers. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, violations, limit, plan, current, problems, id);
    }

    /** A problem the framework raised (bad JSON, no route, no token): typed by its status alone. */
    public static Problem ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.valueOf(status);
        String code = known.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new Problem("about:blank", known.getReason(), status, detail, code, null, null, null, null, null, null);
    }
}
