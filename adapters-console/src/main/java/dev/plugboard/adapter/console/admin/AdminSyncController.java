package dev.plugboard.adapter.console.admin;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
 * Catalog sync for administrators: the page shows the plan a sync would apply (a dry run, which
 * changes nothing), with the installations each schema change would break, and applies exactly
 * that plan on confirmation; downgrades and forced versions only when the administrator ticks them.
 */
@Controller("/console/admin/sync")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminSyncController {

    private final SyncCatalogUseCase syncing;

    AdminSyncController(SyncCatalogUseCase syncing) {
        this.syncing = syncing;
    }

    @Get
    HttpResponse<?> plan(HttpRequest<?> request, @Nullable @QueryValue String allowDowngrade,
                         @Nullable @QueryValue String force) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return AdminController.forbidden(request);
        }
        SyncOptions options = new SyncOptions(true, "true".equals(allowDowngrade), "true".equals(force));
        return page(user, options, run(user, options));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> apply(HttpRequest<?> request, @Body Map<String, String> form) {
        ConsoleUser user = ConsoleUser.of(request);
        if (!user.admin()) {
            return AdminController.forbidden(request);
        }
        SyncOptions options = new SyncOptions(false, "true".equals(form.get("allowDowngrade")),
                "true".equals(form.get("force")));
        return page(user, options, run(user, options));
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    private SyncReport run(ConsoleUser user, SyncOptions options) {
        return syncing.sync(new SyncCatalogCommand(user.caller().actor(), Optional.empty(), options));
    }

    private static HttpResponse<?> page(ConsoleUser user, SyncOptions options, SyncReport report) {
        return HttpResponse.ok(Pages.view("sync", Chrome.of("Catalog sync", "admin", user),
                "report", report, "options", options));
    }
}
