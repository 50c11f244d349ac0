package dev.plugboard.adapter.rest.problem;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers of the OpenAPI document, one annotation per status, for the operations that can
 * really give them: each is problem+json with its example (in {@code adapters-rest/openapi/problems-and-health.yml}).
 * The OpenAPI generator reads them as stereotypes of {@code @ApiResponse}, so the wording lives here once.
 */
public final class ProblemAnswers {

    private static final String EXAMPLES = "#/components/examples/";

    private ProblemAnswers() {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "bad input: malformed JSON, a missing or invalid field, parameter or"
            + " header; the detail names the value and what to do", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid_value", ref = EXAMPLES + "BadRequest")))
    public @interface BadRequest {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "no valid bearer token: missing, expired, malformed or not signed"
            + " with a trusted key", headers = @Header(name = "WWW-Authenticate", description = "the scheme to use",
            schema = @Schema(type = "string")), content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthorized", ref = EXAMPLES + "Unauthorized")))
    public @interface Unauthorized {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "the token lacks the role this needs, or a plan or workflow limit"
            + " is reached; `code` says which", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", ref = EXAMPLES + "Forbidden")))
    public @interface Forbidden {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "no such resource, or one of another owner's, which answers exactly"
            + " the same", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "plugin_not_found", ref = EXAMPLES + "NotFound")))
    public @interface NotFound {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "409", description = "the current state does not allow this (already there, in use,"
            + " disabled, ended, a lease lost, changed meanwhile); `code` says which", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "plugin_already_installed", ref = EXAMPLES + "Conflict")))
    public @interface Conflict {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "412", description = "`If-Match` names a version that is no longer current: reload, and"
            + " apply the change again", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "concurrent_modification", ref = EXAMPLES + "PreconditionFailed")))
    public @interface PreconditionFailed {
    }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "422", description = "well-formed, but the settings break the plugin's schema"
            + " (`violations`) or the workflow cannot be saved (`problems`)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid_settings", ref = EXAMPLES + "Unprocessable")))
    public @interface Unprocessable {
    }

    /** What any operation that reads a body may answer: bad JSON (400), too large (413), not JSON (415). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @BadRequest
    @ApiResponse(responseCode = "413", description = "the body is larger than this server accepts"
            + " (micronaut.server.max-request-size, 1 MB by default)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "request_entity_too_large", ref = EXAMPLES + "PayloadTooLarge")))
    @ApiResponse(responseCode = "415", description = "the body's Content-Type is not one this operation reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unsupported_media_type", ref = EXAMPLES + "UnsupportedMediaType")))
    public @interface ReadsBody {
    }

    /** Over the caller's rate limit: every request may get this, public ones too. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "429", description = "this caller is over its rate limit; wait `Retry-After` seconds",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "too_many_requests", ref = EXAMPLES + "TooManyRequests")))
    public @interface TooManyRequests {
    }

    /** The database out of reach: every request that reads or writes it may get this. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "503", description = "the database cannot be reached right now; nothing was done, try"
            + " again after `Retry-After` seconds", headers = @Header(name = "Retry-After", description = "seconds to wait",
            schema = @Schema(type = "integer")), content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "database_unavailable", ref = EXAMPLES + "ServiceUnavailable")))
    public @interface DatabaseUnavailable {
    }
}
