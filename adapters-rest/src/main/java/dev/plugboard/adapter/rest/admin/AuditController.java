package dev.plugboard.adapter.rest.admin;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.PageResponse;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Administrators read the audit trail. */
@BearerOperations
@Controller("/api/admin/audit")
@Secured(AdminPluginController.ADMIN)
@Tag(name = "admin")
public class AuditController {

    private final ReadAuditTrailUseCase audit;

    public AuditController(ReadAuditTrailUseCase audit) {
        this.audit = audit;
    }

    /**
     * Audit entries, newest first.
     *
     * @param since  only entries at or after this ISO-8601 instant
     * @param actor  only entries by this actor, such as {@code user:alice}
     * @param action only entries of this action, such as {@code install}
     * @param target only entries about this target, such as {@code plugin:webhook}
     * @param limit  page size, 1 to 200 (default 50)
     * @param after  the {@code next} cursor of the previous page
     * @return one page of entries
     */
    @Get
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    public PageResponse<AuditEntryResponse> listAudit(@Nullable @QueryValue String since, @Nullable @QueryValue String actor,
                                                 @Nullable @QueryValue String action, @Nullable @QueryValue String target,
                                                 @Nullable @QueryValue Integer limit, @Nullable @QueryValue String after) {
        AuditFilter filter = new AuditFilter(Optional.ofNullable(since).map(AuditController::instant),
                Optional.ofNullable(actor), Optional.ofNullable(action).map(AuditController::action),
                Optional.ofNullable(target));
        return PageResponse.from(audit.list(filter, PageResponse.request(limit, after)), AuditEntryResponse::from);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("since", text, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static AuditAction action(String text) {
        return Arrays.stream(AuditAction.values())
                .filter(candidate -> candidate.wireName().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("action", text,
                        "use one of " + Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList()));
    }
}
