package dev.plugboard.adapter.console.run;

import dev.plugboard.adapter.console.form.FormReader;
import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs: the owner's list with status and plugin filters, a run's details with its attempts, cancel, and start. */
@Controller("/console/runs")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class RunsController {

    private final QueryRunsUseCase runs;
    private final StartRunUseCase starting;
    private final CancelRunUseCase cancelling;
    private final BrowseCatalogUseCase catalog;

    RunsController(QueryRunsUseCase runs, StartRunUseCase starting, CancelRunUseCase cancelling,
                   BrowseCatalogUseCase catalog) {
        this.runs = runs;
        this.starting = starting;
        this.cancelling = cancelling;
        this.catalog = catalog;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String plugin, @Nullable @QueryValue String after) {
        ConsoleUser user = ConsoleUser.of(request);
        RunFilter filter = new RunFilter(Optional.ofNullable(status).filter(s -> !s.isBlank()).map(RunStatus::fromWire),
                Optional.ofNullable(plugin).filter(p -> !p.isBlank()).map(PluginName::of));
        Page<PluginRun> page = runs.list(user.caller().owner(), filter, new PageRequest(50, Optional.ofNullable(after)));
        return Pages.view("runs", Chrome.of("Runs", "runs", user), "runs", page.items(), "next", page.next().orElse(null),
                "status", status == null ? "" : status, "plugin", plugin == null ? "" : plugin,
                "nextHref", page.next().map(cursor -> UriBuilder.of("/console/runs").queryParam("status", status == null ? "" : status)
                        .queryParam("plugin", plugin == null ? "" : plugin).queryParam("after", cursor).build().toString())
                        .orElse(null));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> details(HttpRequest<?> request, String id) {
        ConsoleUser user = ConsoleUser.of(request);
        QueryRunsUseCase.RunHistory history = runs.history(user.caller().owner(), RunId.parse(id));
        return Pages.view("run", Chrome.of("Run of " + history.run().plugin().value(), "runs", user), "history", history);
    }

    /** The start form: fields generated from the input schema's properties, or the input as JSON text. */
    @Get("/new")
    ModelAndView<Map<String, Object>> startForm(HttpRequest<?> request, @QueryValue String plugin) {
        Plugin found = catalog.get(plugin);
        return startView(ConsoleUser.of(request), found, "{}", Map.of(), null);
    }

    /** Starts a run with the input the form gave: generated fields, or JSON text for a schema without properties. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @Body Map<String, Object> body) {
        ConsoleUser user = ConsoleUser.of(request);
        Map<String, List<String>> form = FormReader.multiValues(body);
        Plugin plugin = catalog.get(form.getOrDefault("plugin", List.of("")).get(0));
        Optional<Map<String, Object>> schema = RunInputForm.schemaWithFields(plugin);
        String text = form.getOrDefault("input", List.of("{}")).get(0);
        try {
            JsonDocument input = schema.isPresent()
                    ? JsonDocument.of(FormReader.withoutNulls(new FormReader(form).patch(schema.get())))
                    : JsonDocument.parse(text);
            PluginRun run = starting.start(new StartRunCommand(user.caller(), plugin.name(), input, RunTrigger.MANUAL,
                    Optional.empty()));
            return HttpResponse.ok().header("HX-Redirect", "/console/runs/" + run.id().value());
        } catch (DomainException refused) {
            return HttpResponse.ok(startView(user, plugin, text, new FormReader(form).typed(), refused.getMessage()));
        }
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, String id) {
        cancelling.cancel(new CancelRunCommand(ConsoleUser.of(request).caller(), RunId.parse(id)));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    private static ModelAndView<Map<String, Object>> startView(ConsoleUser user, Plugin plugin, String input,
                                                               Map<String, List<String>> typed, String error) {
        return Pages.view("runstart", Chrome.of("Start a run of " + plugin.manifest().displayName(), "runs", user),
                "plugin", plugin.name().value(), "fields", RunInputForm.fields(plugin, typed),
                "inputSchema", plugin.manifest().inputSchema().map(JsonDocument::toJson).orElse("{}"),
                "input", input, "error", error);
    }
}
