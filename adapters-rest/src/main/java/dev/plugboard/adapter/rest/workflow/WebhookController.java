package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.problem.Problem;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.Delivery;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.Refusal;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.WebhookRefusedException;
import dev.plugboard.domain.workflow.WorkflowRun;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * The public endpoint of webhook triggers: no token, the body signed with the trigger's secret
 * instead. The raw bytes go to {@link ReceiveWebhookUseCase}, which checks the method, the size, the
 * signature and the timestamp; a refused delivery runs nothing. Methods other than POST reach it too,
 * so that a trigger's {@code methods} filter can answer them with 405.
 */
@ProblemAnswers.BadRequest
@ApiResponse(responseCode = "401", description = "the signature is missing or wrong, the timestamp is too old, or the delivery was seen before",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "webhook_signature", value = WebhookController.BAD_SIGNATURE_EXAMPLE)))
@ProblemAnswers.NotFound
@ApiResponse(responseCode = "405", description = "the trigger's methods filter refuses this method",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "webhook_method", value = WebhookController.METHOD_EXAMPLE)))
@ApiResponse(responseCode = "413", description = "the body is larger than plugboard.workflows.webhook.max-body-bytes",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "webhook_too_large", ref = "#/components/examples/PayloadTooLarge")))
@ProblemAnswers.TooManyRequests
@ProblemAnswers.DatabaseUnavailable
@Controller(WebhookController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "webhooks")
public class WebhookController {

    static final String PATH = "/hooks";
    static final String BAD_SIGNATURE_EXAMPLE = "{\"type\": \"https://plugboard.dev/problems/webhook_signature\","
            + " \"title\": \"Unauthorized\", \"status\": 401, \"code\": \"webhook_signature\", \"detail\":"
            + " \"the X-Plugboard-Signature header does not match the body signed with the trigger's secret\"}";
    static final String METHOD_EXAMPLE = "{\"type\": \"https://plugboard.dev/problems/webhook_method\","
            + " \"title\": \"Method Not Allowed\", \"status\": 405, \"code\": \"webhook_method\", \"detail\":"
            + " \"this webhook accepts POST only\"}";

    private final ReceiveWebhookUseCase webhooks;
    private final long maxBodyBytes;

    WebhookController(ReceiveWebhookUseCase webhooks,
                      @Value("${" + WorkflowRestSettings.WEBHOOK_MAX_BODY_BYTES + ":"
                              + WorkflowRestSettings.DEFAULT_WEBHOOK_MAX_BODY_BYTES + "}") long maxBodyBytes) {
        this.webhooks = webhooks;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Delivers an event to a webhook workflow. Sign the text TIMESTAMP.BODY (the Unix time, a dot,
     * the body's bytes) with HMAC-SHA256 and the trigger's secret; send the Unix time in
     * {@code X-Plugboard-Timestamp} and {@code sha256=} followed by the signature in lower-case hex in
     * {@code X-Plugboard-Signature}. The body (a JSON object) becomes {@code trigger.data}.
     *
     * @param workflowId the workflow's id (its details show the URL)
     * @param timestamp  the Unix time the delivery was signed at
     * @param signature  {@code sha256=} and the hex of HMAC-SHA256(secret, TIMESTAMP.BODY)
     * @param body       the JSON body, exactly as signed
     * @return the workflow run it queued
     */
    @Post(value = "/{workflowId}", consumes = MediaType.ALL)
    // On the method, not the class: there it would stand beside the default 200 the generator adds.
    @ApiResponse(responseCode = "202", description = "accepted: the workflow run it queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookAcceptedResponse.class)))
    public HttpResponse<WebhookAcceptedResponse> deliverWebhook(
            String workflowId, @Nullable @Header(ReceiveWebhookUseCase.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(ReceiveWebhookUseCase.SIGNATURE_HEADER) String signature, @Nullable @Body byte[] body) {
        return receive(HttpMethod.POST, workflowId, timestamp, signature, body);
    }

    /** A delivery with PUT, for triggers whose {@code methods} allow it. */
    @Operation(hidden = true)
    @Put(value = "/{workflowId}", consumes = MediaType.ALL)
    public HttpResponse<WebhookAcceptedResponse> deliverWebhookByPut(
            String workflowId, @Nullable @Header(ReceiveWebhookUseCase.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(ReceiveWebhookUseCase.SIGNATURE_HEADER) String signature, @Nullable @Body byte[] body) {
        return receive(HttpMethod.PUT, workflowId, timestamp, signature, body);
    }

    /** A delivery with PATCH, for triggers whose {@code methods} allow it. */
    @Operation(hidden = true)
    @Patch(value = "/{workflowId}", consumes = MediaType.ALL)
    public HttpResponse<WebhookAcceptedResponse> deliverWebhookByPatch(
            String workflowId, @Nullable @Header(ReceiveWebhookUseCase.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(ReceiveWebhookUseCase.SIGNATURE_HEADER) String signature, @Nullable @Body byte[] body) {
        return receive(HttpMethod.PATCH, workflowId, timestamp, signature, body);
    }

    /** A delivery with DELETE, for triggers whose {@code methods} allow it. */
    @Operation(hidden = true)
    @Delete(value = "/{workflowId}", consumes = MediaType.ALL)
    public HttpResponse<WebhookAcceptedResponse> deliverWebhookByDelete(
            String workflowId, @Nullable @Header(ReceiveWebhookUseCase.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(ReceiveWebhookUseCase.SIGNATURE_HEADER) String signature, @Nullable @Body byte[] body) {
        return receive(HttpMethod.DELETE, workflowId, timestamp, signature, body);
    }

    /** A delivery with GET (no body), for triggers whose {@code methods} allow it. */
    @Operation(hidden = true)
    @Get("/{workflowId}")
    public HttpResponse<WebhookAcceptedResponse> deliverWebhookByGet(
            String workflowId, @Nullable @Header(ReceiveWebhookUseCase.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(ReceiveWebhookUseCase.SIGNATURE_HEADER) String signature) {
        return receive(HttpMethod.GET, workflowId, timestamp, signature, new byte[0]);
    }

    private HttpResponse<WebhookAcceptedResponse> receive(HttpMethod method, String workflowId, String timestamp,
                                                          String signature, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        // A chunked body carries no Content-Length for WebhookSizeFilter to refuse early; count it here.
        if (bytes.length > maxBodyBytes) {
            throw new WebhookRefusedException(Refusal.TOO_LARGE, WebhookSizeFilter.tooLarge(bytes.length, maxBodyBytes));
        }
        WorkflowRun run = webhooks.receive(new Delivery(workflowId, method.name(), Optional.ofNullable(timestamp),
                Optional.ofNullable(signature), bytes));
        return HttpResponse.accepted().body(new WebhookAcceptedResponse(run.id()));
    }
}
