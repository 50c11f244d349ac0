package dev.plugboard.adapter.console.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.adapter.console.web.Pages;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;
import dev.plugboard.domain.workflow.Workflow;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Editing a workflow's YAML definition, saved through the same use case as REST's {@code PUT}, with
 * the save-time problems shown at their step and the text kept; and test mode, each step's resolved
 * input, whether it would run and its error, without running anything.
 */
@Controller("/console/workflows/{slug}/edit")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class WorkflowEditController {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ManageWorkflowsUseCase workflows;
    private final RunWorkflowsUseCase runs;

    WorkflowEditController(ManageWorkflowsUseCase workflows, RunWorkflowsUseCase runs) {
        this.workflows = workflows;
        this.runs = runs;
    }

    @Get
    ModelAndView<Map<String, Object>> edit(HttpRequest<?> request, String slug) throws JsonProcessingException {
        ConsoleUser user = ConsoleUser.of(request);
        Workflow workflow = workflows.get(actor(user), slug).workflow();
        return page(user, workflow, YAML.writeValueAsString(document(workflow)), "{}", List.of(), Optional.empty());
    }

    /** Saves the edited definition at the version the page showed; problems come back at their step. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, String slug, @Body Map<String, String> form) {
        ConsoleUser user = ConsoleUser.of(request);
        String text = form.getOrDefault("definition", "");
        OptionalLong version = WorkflowsController.version(form);
        Workflow current = workflows.get(actor(user), slug).workflow();
        List<Problem> problems;
        try {
            workflows.update(actor(user), slug, read(text), version);
            return HttpResponse.ok().header("HX-Redirect", "/console/workflows/" + slug);
        } catch (InvalidWorkflowException invalid) {
            problems = invalid.problems();
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            problems = List.of(new Problem(null, "/", unreadable instanceof JsonProcessingException parse
                    ? "not valid YAML: " + parse.getOriginalMessage() + lineOf(parse) : unreadable.getMessage()));
        }
        return HttpResponse.ok(page(user, current, text, form.getOrDefault("triggerData", "{}"), problems, Optional.empty()));
    }

    /** Test mode with the trigger data typed (JSON): nothing runs, each step shows what it would get. */
    @Post("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> request, String slug, @Body Map<String, String> form) throws JsonProcessingException {
        ConsoleUser user = ConsoleUser.of(request);
        Workflow workflow = workflows.get(actor(user), slug).workflow();
        String data = form.getOrDefault("triggerData", "{}");
        Map<String, Object> triggerData;
        try {
            triggerData = data.isBlank() ? Map.of() : asMap(JSON.readValue(data, Object.class), "the trigger data");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ErrorPages.of(request, io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "The trigger data is not a JSON object; write it as {\"field\": \"value\"}.");
        }
        TestReport report = runs.test(actor(user), slug, triggerData, false);
        return HttpResponse.ok(page(user, workflow, YAML.writeValueAsString(document(workflow)), data, List.of(),
                Optional.of(report)));
    }

    @Error(exception = DomainException.class)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException refusal) {
        return ErrorPages.of(request, refusal);
    }

    private static ModelAndView<Map<String, Object>> page(ConsoleUser user, Workflow workflow, String text, String triggerData,
                                                         List<Problem> problems, Optional<TestReport> report) {
        return Pages.view("workflowedit", Chrome.of("Edit " + workflow.definition().name(), "workflows", user),
                "workflow", workflow, "definition", text, "triggerData", triggerData,
                "problems", ProblemsByStep.of(problems), "report", report.map(TestLine::of).orElse(null));
    }

    private static Map<String, Object> read(String text) throws JsonProcessingException {
        return asMap(YAML.readValue(text, Object.class), "the definition");
    }

    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a mapping (name, slug, triggerType, steps, ...)");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        map.forEach((key, field) -> document.put(String.valueOf(key), field));
        return document;
    }

    private static String lineOf(JsonProcessingException parse) {
        return parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr();
    }

    /** The document form, as the CLI's {@code show -o yaml} writes it. */
    private static Map<String, Object> document(Workflow workflow) {
        Map<String, Object> json = new LinkedHashMap<>(workflow.definition().toJson());
        json.put("status", workflow.status().wireName());
        json.put("isEnabled", workflow.enabled());
        return json;
    }

    private static WorkflowActor actor(ConsoleUser user) {
        return WorkflowsController.actor(user);
    }
}
