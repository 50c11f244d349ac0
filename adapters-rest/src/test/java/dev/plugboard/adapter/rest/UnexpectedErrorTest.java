package dev.plugboard.adapter.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class UnexpectedErrorTest {

    @Inject
    EmbeddedServer server;

    @Test
    void givenABug_theClientGetsAGeneric500Problem_withoutTheExceptionsMessage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/test/boom")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":500", "\"code\":\"internal_server_error\"", "is logged")
                .doesNotContain("hunter2", "db-7", "IllegalStateException", "BoomController");
    }
}
