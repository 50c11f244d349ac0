package dev.plugboard.adapter.rest.state;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.Exported;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.application.port.in.state.YamlText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * Administrators export Plugboard's declarative state and apply a state document, as
 * {@code plugboard export} and {@code plugboard apply} do. Over HTTP a secret reference may name only
 * an environment variable of the server: a {@code ${file:...}} reference is refused, so that no file
 * of the server becomes a secret by an HTTP call.
 */
@BearerOperations
@Controller("/api/admin/state")
@Secured(Roles.ADMIN)
@Tag(name = "admin")
public class StateController {

    static final String YAML = "application/yaml";
    private static final String WARNING_HEADER = "X-Plugboard-Warning";

    private final DeclarativeStateUseCase state;

    public StateController(DeclarativeStateUseCase state) {
        this.state = state;
    }

    /**
     * The state: the global plugin switches and every installation with its settings and
     * per-environment overrides, each secret as a reference ({@code ${env:NAME}}), never its value. A
     * secret whose reference is not known is written as a placeholder reference and named in an
     * {@code X-Plugboard-Warning} header.
     *
     * @param owner only this owner's installations ({@code user:alice}, {@code org:acme}), and no switches
     * @return the state document, as YAML, or as JSON when the request accepts only {@code application/json}
     */
    @Get("/export")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @Produces({YAML, MediaType.APPLICATION_JSON})
    @ApiResponse(responseCode = "200", description = "the state document",
            content = {@Content(mediaType = YAML, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))})
    public HttpResponse<String> exportState(@Nullable @QueryValue String owner, HttpRequest<?> request) {
        Exported exported = state.export(new DeclarativeStateUseCase.ExportCommand(
                Optional.ofNullable(owner).filter(text -> !text.isBlank()).map(Owner::parse)));
        boolean json = request.getHeaders().accept().stream().noneMatch(type -> type.getName().contains("yaml"))
                && request.getHeaders().accept().stream().anyMatch(type -> MediaType.APPLICATION_JSON.equals(type.getName()));
        MutableHttpResponse<String> response = HttpResponse.ok(YamlText.write(exported.state(), json))
                .contentType(json ? MediaType.APPLICATION_JSON : YAML);
        exported.warnings().forEach(warning -> response.getHeaders().add(WARNING_HEADER, warning));
        return response;
    }

    /**
     * Makes the database match a state document (YAML or JSON, as the export writes it), in one
     * transaction: the switches, installations, settings and overrides it names. Everything is
     * checked first: a reference that resolves to nothing, a {@code ${file:...}} reference, invalid
     * settings, an unknown plugin, owner or environment stop the whole apply with 400
     * {@code invalid_state} listing every problem, and nothing changes. Applying the same document
     * again changes nothing.
     *
     * @param dryRun only return the changes; nothing is changed or audited
     * @param prune  also uninstall the installations the document does not name (of its {@code owner}
     *               when it names one, else of every owner)
     * @param body   the state document
     * @return the changes made, or that a dry run would make
     */
    @Post("/apply")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public ApplyReportResponse applyState(@Nullable @QueryValue Boolean dryRun, @Nullable @QueryValue Boolean prune,
                                          @Nullable @Body String body, Authentication authentication) {
        return ApplyReportResponse.from(state.apply(new DeclarativeStateUseCase.ApplyCommand(
                Callers.of(authentication).actor(), StateDocuments.read(body), Boolean.TRUE.equals(dryRun),
                Boolean.TRUE.equals(prune), new ServerEnvironment())));
    }

    /** References resolved over HTTP: environment variables of the server only. */
    private static final class ServerEnvironment implements DeclarativeStateUseCase.References {

        @Override
        public Optional<String> resolve(String kind, String name) {
            return "env".equals(kind) ? Optional.ofNullable(System.getenv(name)) : Optional.empty();
        }

        @Override
        public Optional<String> refusal(String kind) {
            return "env".equals(kind) ? Optional.empty() : Optional.of("over HTTP only ${env:NAME} references resolve;"
                    + " a file of the server must not become a secret by an HTTP call (use an environment variable, or"
                    + " `plugboard apply -f` on the server)");
        }
    }
}
