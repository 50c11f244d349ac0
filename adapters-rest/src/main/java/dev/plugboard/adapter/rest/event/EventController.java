package dev.plugboard.adapter.rest.event;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.JsonValues;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * Events such as {@code message.received}: each becomes one run per enabled installation of the
 * owner whose plugin lists {@code event:TYPE} among its capabilities.
 */
@BearerOperations
@Controller("/api/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "events")
public class EventController {

    static final String NOT_ADMIN = "only an admin may publish events for another user or organization;"
            + " leave out 'user' and 'org' to publish for yourself";

    private final PublishEventUseCase events;

    public EventController(PublishEventUseCase events) {
        this.events = events;
    }

    /**
     * Publishes an event for the caller's owner (the user, or the organization of the token's
     * {@code org} claim). An admin may publish for another owner with {@code user} or {@code org}.
     *
     * @param body the event type, its data and an optional idempotency key
     * @return the runs it queued, whether it was a duplicate, and the subscribers it skipped
     */
    @Post
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ApiResponse(responseCode = "202", description = "published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventReportResponse.class)))
    public HttpResponse<EventReportResponse> publishEvent(@Nullable @Body PublishEventRequest body,
                                                          Authentication authentication) {
        PublishEventRequest request = Require.present("body", body);
        PublishEventCommand command = new PublishEventCommand(publisher(request, authentication), request.type(),
                JsonValues.document(request.data()), Optional.ofNullable(request.idempotencyKey()));
        return HttpResponse.accepted().body(EventReportResponse.from(events.publish(command)));
    }

    /** The caller, or for an admin naming an owner, the admin acting for that owner. */
    private static Caller publisher(PublishEventRequest request, Authentication authentication) {
        Caller caller = Callers.of(authentication);
        if (request.user() == null && request.org() == null) {
            return caller;
        }
        if (!Callers.isAdmin(authentication)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, NOT_ADMIN);
        }
        if (request.user() != null && request.org() != null) {
            throw new InvalidValueException("owner", "user and org", "name either 'user' or 'org', not both");
        }
        Owner owner = request.user() != null ? Owner.user(request.user()) : Owner.organization(request.org());
        return new Caller(caller.actor(), owner, Optional.empty());
    }
}
