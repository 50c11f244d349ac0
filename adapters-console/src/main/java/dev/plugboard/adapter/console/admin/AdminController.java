package dev.plugboard.adapter.console.admin;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase.DecideCommand;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.Optional;

/**
 * Administration, for administrators only (others get a 403 page, and the menu hides it): plugin
 * versions waiting for approval, the catalog with global enable and disable (a plugin others depend
 * on is disabled only when forced), and the audit trail with filters.
 */
@Controller("/console/admin")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminController {

    private final BrowseCatalogUseCase catalog;
    private final SwitchPluginUseCase switching;
    private final ReadAuditTrailUseCase audit;
    private final ApprovePluginsUseCase approvals;

    AdminController(BrowseCatalogUseCase catalog, SwitchPluginUseCase switching, ReadAuditTrailUseCase audit,
                    ApprovePluginsUseCase approvals) {
        this.catalog = catalog;
        this.switching = switching;
        this.audit = audit;
        this.approvals = approvals;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                         @Nullable @QueryValue String target) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return forbidden(request);
        }
        AuditFilter filter = new AuditFilter(Optional.empty(), Optional.ofNullable(actor),
                java.util.Arrays.stream(AuditAction.values()).filter(a -> a.wireName().equals(action)).findFirst(), Optional.ofNullable(target));
        return HttpResponse.ok(Pages.view("admin", Chrome.of("Administration", "admin", user),
                "plugins", catalog.list(CatalogFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items(),
                "held", approvals.approvals(Optional.of(PluginApproval.Status.PENDING)),
                "entries", audit.list(filter, PageRequest.first(50)).items(),
                "actor", actor == null ? "" : actor, "action", action == null ? "" : action,
                "target", target == null ? "" : target,
                "actions", java.util.Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList()));
    }

    @Post("/plugins/{name}/switch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> switchPlugin(HttpRequest<?> request, String name, @Body Map<String, String> form) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return forbidden(request);
        }
        switching.switchPlugin(new SwitchPluginCommand(user.caller().actor(), PluginName.of(name),
                "true".equals(form.get("enabled")), "true".equals(form.get("force"))));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    /** Approves the version a plugin has waiting; the next sync applies it. */
    @Post("/plugins/{name}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, String name) {
        return decide(request, name, true);
    }

    /** Rejects the version a plugin has waiting: it is never applied. */
    @Post("/plugins/{name}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(HttpRequest<?> request, String name) {
        return decide(request, name, false);
    }

    private HttpResponse<?> decide(HttpRequest<?> request, String name, boolean approve) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return forbidden(request);
        }
        approvals.decide(new DecideCommand(user.caller().actor(), PluginName.of(name), approve));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    static HttpResponse<?> forbidden(HttpRequest<?> request) {
        return ErrorPages.of(request, HttpStatus.FORBIDDEN, "Administration is for administrators. Ask one to grant"
                + " you the admin role: plugboard admins grant USER");
    }
}
