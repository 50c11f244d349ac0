package dev.plugboard.adapter.rest.access;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase.GrantResult;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.error.Require;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * Administrators grant and revoke Plugboard's roles ({@code admin}, {@code worker}) to token
 * subjects. With {@code plugboard.auth.trust-token-roles=false} these grants are the only source
 * of roles. Grants and revokes are recorded in the audit trail.
 */
@BearerOperations
@Controller("/api/admin/grants")
@Secured(Roles.ADMIN)
@Tag(name = "admin")
public class GrantController {

    private final RoleGrantsUseCase grants;

    public GrantController(RoleGrantsUseCase grants) {
        this.grants = grants;
    }

    /**
     * The role grants, by subject and role.
     *
     * @param subject only this subject's grants
     * @return the grants
     */
    @Get
    @ProblemAnswers.Forbidden
    public GrantListResponse listGrants(@Nullable @QueryValue String subject) {
        return new GrantListResponse(grants.grants(Optional.ofNullable(subject)).stream().map(GrantResponse::from).toList());
    }

    /**
     * Grants a role to a subject; it applies from the subject's next request.
     *
     * @param request the subject and the role
     * @return the grant: 201 when it is new, 200 when the subject already held the role
     */
    @Post
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ApiResponse(responseCode = "201", description = "granted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantResponse.class)))
    @ApiResponse(responseCode = "200", description = "already granted, nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantResponse.class)))
    public HttpResponse<GrantResponse> grantRole(@Nullable @Body GrantRequest request, Authentication authentication) {
        GrantRequest body = Require.present("body", request);
        Role role = Role.parse(Require.present("role", body.role()));
        GrantResult result = grants.grant(Callers.of(authentication).actor(), Require.present("subject", body.subject()), role);
        return HttpResponse.<GrantResponse>status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(GrantResponse.from(result.grant()));
    }

    /**
     * Revokes a role granted to a subject; roles its tokens carry are not affected (see trust-token-roles).
     *
     * @param subject the token subject
     * @param role    {@code admin} or {@code worker}
     */
    @Delete("/{subject}/{role}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @Status(HttpStatus.NO_CONTENT)
    public void revokeRole(String subject, String role, Authentication authentication) {
        grants.revoke(Callers.of(authentication).actor(), subject, Role.parse(role));
    }
}
