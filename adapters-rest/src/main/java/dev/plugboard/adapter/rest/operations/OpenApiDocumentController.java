package dev.plugboard.adapter.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves the OpenAPI document the build generated, as {@code application/yaml} at
 * {@code /swagger/plugboard.yml} (as a static file it went out as {@code text/plain}) and as JSON at
 * {@code /swagger/plugboard.json}, converted once from that same file.
 */
@Controller("/swagger")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class OpenApiDocumentController {

    static final String DOCUMENT = "META-INF/swagger/plugboard.yml";
    static final String YAML = "application/yaml";

    private final Optional<String> yaml;
    private final Optional<String> json;

    public OpenApiDocumentController() {
        this.yaml = read();
        this.json = yaml.map(OpenApiDocumentController::toJson);
    }

    @Get("/plugboard.yml")
    @Produces(YAML)
    public HttpResponse<String> yaml() {
        return yaml.<HttpResponse<String>>map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Get("/plugboard.json")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<String> json() {
        return json.<HttpResponse<String>>map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    /** Empty where the build generated no document (this module's own tests compile without the generator). */
    private static Optional<String> read() {
        try (InputStream document = OpenApiDocumentController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            return document == null ? Optional.empty() : Optional.of(new String(document.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + DOCUMENT, e);
        }
    }

    private static String toJson(String yaml) {
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + DOCUMENT + " is not YAML", e);
        }
    }
}
