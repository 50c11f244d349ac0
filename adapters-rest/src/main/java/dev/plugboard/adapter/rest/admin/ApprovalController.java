package dev.plugboard.adapter.rest.admin;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase.DecideCommand;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * Administrators decide on the plugin versions a sync held under {@code plugboard.catalog.new-plugins:
 * pending-approval}; an approved version is applied by the next sync.
 */
@BearerOperations
@Controller("/api/admin")
@Secured(AdminPluginController.ADMIN)
@Tag(name = "admin")
public class ApprovalController {

    private final ApprovePluginsUseCase approvals;

    public ApprovalController(ApprovePluginsUseCase approvals) {
        this.approvals = approvals;
    }

    /**
     * The held plugin versions, oldest request first.
     *
     * @param status only {@code pending}, {@code approved} or {@code rejected} ones; all when left out
     * @return the versions
     */
    @Get("/approvals")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    public List<ApprovalResponse> listApprovals(@Nullable @QueryValue String status) {
        return approvals.approvals(status(status)).stream().map(ApprovalResponse::from).toList();
    }

    /**
     * Approves the plugin's version that waits; the next sync ({@code POST /api/admin/plugins/sync}) applies it.
     *
     * @param name the plugin's name
     * @return the decided version; 404 when nothing of that name was held, 409 {@code PLUGIN_ALREADY_DECIDED}
     */
    @Post("/plugins/{name}/approve")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public ApprovalResponse approvePlugin(String name, Authentication authentication) {
        return decide(name, true, authentication);
    }

    /**
     * Rejects the plugin's version that waits: it is never applied, and a new plugin takes no installs.
     *
     * @param name the plugin's name
     * @return the decided version
     */
    @Post("/plugins/{name}/reject")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public ApprovalResponse rejectPlugin(String name, Authentication authentication) {
        return decide(name, false, authentication);
    }

    private ApprovalResponse decide(String name, boolean approve, Authentication authentication) {
        return ApprovalResponse.from(approvals.decide(new DecideCommand(Callers.of(authentication).actor(),
                PluginName.of(name), approve)));
    }

    private static Optional<PluginApproval.Status> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (PluginApproval.Status status : PluginApproval.Status.values()) {
            if (status.wireName().equals(text.strip())) {
                return Optional.of(status);
            }
        }
        throw new InvalidValueException("status", text, "use pending, approved or rejected");
    }
}
