package dev.plugboard.adapter.console.workflow;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.WorkflowDetails;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Workflows: the owner's list with status; a workflow's trigger, steps and recent runs with activate,
 * pause and run now; a run's step-by-step timeline. Editing the YAML and test mode: {@link WorkflowEditController}.
 */
@Controller("/console/workflows")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class WorkflowsController {

    private final ManageWorkflowsUseCase workflows;
    private final RunWorkflowsUseCase runs;

    WorkflowsController(ManageWorkflowsUseCase workflows, RunWorkflowsUseCase runs) {
        this.workflows = workflows;
        this.runs = runs;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ConsoleUser user = ConsoleUser.of(request);
        return Pages.view("workflows", Chrome.of("Workflows", "workflows", user),
                "workflows", workflows.list(actor(user), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }

    @Get("/{slug}")
    ModelAndView<Map<String, Object>> details(HttpRequest<?> request, String slug) {
        ConsoleUser user = ConsoleUser.of(request);
        WorkflowDetails details = workflows.get(actor(user), slug);
        return Pages.view("workflow", Chrome.of(details.workflow().definition().name(), "workflows", user),
                "details", details, "runs", runs.runs(actor(user), slug, PageRequest.first(20)).items());
    }

    /** A run's timeline: every step with its status, resolved input, output and error. */
    @Get("/runs/{id}")
    ModelAndView<Map<String, Object>> run(HttpRequest<?> request, String id) {
        ConsoleUser user = ConsoleUser.of(request);
        WorkflowRun run = runs.getRun(actor(user), id);
        return Pages.view("workflowrun", Chrome.of("Run of " + run.definition().name(), "workflows", user),
                "run", run, "steps", run.stepRuns().stream().map(StepLine::from).toList());
    }

    /** Runs the workflow now, with no trigger data, and shows the run. */
    @Post("/{slug}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> runNow(HttpRequest<?> request, String slug) {
        WorkflowRun run = runs.run(actor(ConsoleUser.of(request)), slug, Map.of());
        return HttpResponse.ok().header("HX-Redirect", "/console/workflows/runs/" + run.id());
    }

    /** Activates or pauses, at the version the page showed: a stale page is refused with a message. */
    @Post("/{slug}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeStatus(HttpRequest<?> request, String slug, @Body Map<String, String> form) {
        WorkflowStatus target = "active".equals(form.get("status")) ? WorkflowStatus.ACTIVE : WorkflowStatus.PAUSED;
        workflows.changeStatus(actor(ConsoleUser.of(request)), slug, target, version(form));
        return HttpResponse.ok().header("HX-Refresh", "true");
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    /** The version the page showed, which a change is made at (empty when the form lacks a number). */
    static OptionalLong version(Map<String, String> form) {
        return Optional.ofNullable(form.get("version")).filter(v -> v.matches("\\d{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    /** As REST sees the caller, with Plugboard's admin role making them an administrator of the organization. */
    static WorkflowActor actor(ConsoleUser user) {
        return new WorkflowActor(user.caller(), user.admin(), Optional.empty());
    }
}
