package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.Delivery;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.SubmissionPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of {@code /hooks/{workflowId}}: no token needed, the body's bytes handed over
 * exactly as sent (a signature covers them), the signature headers and the method passed on, and a
 * body over the limit refused with 413 before the use case sees anything.
 */
@MicronautTest(environments = {"rest-contract", WebhookEndpointTest.ENVIRONMENT})
@Property(name = WorkflowRestSettings.WEBHOOK_MAX_BODY_BYTES, value = "1024")
class WebhookEndpointTest {

    static final String ENVIRONMENT = "webhook-endpoint";
    private static final String ID = "6f1c3d2e-0000-4000-8000-000000000001";

    @Inject
    EmbeddedServer server;

    @Inject
    RecordingWebhooks webhooks;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forget() {
        webhooks.received.clear();
    }

    private HttpResponse<String> send(String method, String contentType, BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/hooks/" + ID)).method(method, body)
                .header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenSignedJsonWithoutToken_deliver_is202AndHandsOverTheExactBytesAndHeaders() throws Exception {
        String body = "{ \"text\" :  \"spaced  out\" ,\n \"n\": 1.50 }";

        HttpResponse<String> response = send("POST", "application/json", BodyPublishers.ofString(body),
                "X-Plugboard-Timestamp", "1700000000", "X-Plugboard-Signature", "sha256=abc",
                "Authorization", "Bearer not-a-jwt");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("\"workflowRunId\"");
        Delivery delivery = webhooks.received.get(0);
        assertThat(delivery.workflowId()).isEqualTo(ID);
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(delivery.timestamp()).contains("1700000000");
        assertThat(delivery.signature()).contains("sha256=abc");
    }

    @Test
    void givenOtherMethodAndContentType_deliver_passesThemOn() throws Exception {
        HttpResponse<String> response = send("PUT", "text/plain", BodyPublishers.ofString("plain"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(webhooks.received.get(0).method()).isEqualTo("PUT");
        assertThat(webhooks.received.get(0).body()).isEqualTo("plain".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenRefusal_deliver_isAProblemWithTheRefusalsStatusAndCode() throws Exception {
        HttpResponse<String> response = send("POST", "application/json", BodyPublishers.ofString("{}"),
                "X-Plugboard-Signature", "sha256=bad");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"webhook_signature\"").contains("does not match");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("PlugboardSignature").doesNotContain("Bearer"));
    }

    @Test
    void givenBodyOverTheLimit_deliver_is413AndTheUseCaseSeesNothing() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(2000) + "\"}";

        HttpResponse<String> declared = send("POST", "application/json", BodyPublishers.ofString(big));
        HttpResponse<String> chunked = send("POST", "application/json", chunked(big));

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(declared.body()).contains("webhook_too_large").contains("1024");
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(webhooks.received).isEmpty();
    }

    @Test
    void givenRefusals_statusOf_mapsEachToItsHttpStatus() {
        assertThat(java.util.Arrays.stream(dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.Refusal.values())
                .map(refusal -> refusal + "=" + WebhookRefusedHandler.statusOf(refusal).getCode()))
                .containsExactly("NOT_FOUND=404", "METHOD=405", "TOO_LARGE=413", "SIGNATURE=401", "REPLAY=401",
                        "STALE=401", "BODY=400");
    }

    private static BodyPublisher chunked(String text) {
        return BodyPublishers.fromPublisher(subscriber -> {
            SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
            publisher.subscribe(subscriber);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 256) {
                publisher.submit(ByteBuffer.wrap(bytes, at, Math.min(256, bytes.length - at)));
            }
            publisher.close();
        });
    }
}
