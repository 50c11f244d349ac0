package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every answer, and compression that every HTTP client can read. */
public abstract class HttpHygieneContract extends ApiContract {

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void givenAnyAnswer_securityHeaders_arePresent() {
        ApiResponse api = api().get("/api/plugins", Who.newUser("alice"));
        ApiResponse refused = api().get("/api/plugins", Who.anonymous());
        ApiResponse missing = api().get("/api/no-such-thing", Who.newUser("alice"));
        ApiResponse health = api().get("/health", Who.anonymous());

        for (ApiResponse response : new ApiResponse[] {api, refused, missing, health}) {
            assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(response.toString()).isEqualTo("no-referrer");
        }
        for (ApiResponse response : new ApiResponse[] {api, refused, missing}) {
            assertThat(response.header("Cache-Control")).as(response.toString()).isEqualTo("no-store");
        }
        assertThat(health.header("Cache-Control")).as("only /api answers are never stored").isNotEqualTo("no-store");
    }

    @Test
    void givenHtmlPage_aContentSecurityPolicy_allowsOnlyItsOwnScripts() {
        ApiResponse page = api().get("/swagger-ui/index.html", Who.anonymous());
        ApiResponse json = api().get("/api/plugins", Who.newUser("alice"));

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).as(page.toString()).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        String scripts = policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
        assertThat(scripts).contains("'self'", "'sha256-").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(json.header("Content-Security-Policy")).as("JSON is not a page").isNull();
    }

    @Test
    void givenAnyAcceptEncoding_theBody_isGzipOrPlain_andReadable() throws Exception {
        for (String accepted : new String[] {"*", "snappy", "br, zstd, deflate", "snappy;q=1, gzip;q=0.5", "gzip;q=0"}) {
            HttpResponse<byte[]> response = openApiDocument(accepted);

            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
            assertThat(encoding).as("Accept-Encoding: " + accepted).isIn("gzip", "identity");
            assertThat(readable(response)).as("Accept-Encoding: " + accepted).startsWith("openapi: 3");
            if (accepted.equals("gzip;q=0")) {
                assertThat(encoding).as("gzip refused by the client").isEqualTo("identity");
            }
        }
        HttpResponse<byte[]> gzip = openApiDocument("gzip, deflate, br");
        assertThat(gzip.headers().firstValue("Content-Encoding")).as("gzip is still used when offered").hasValue("gzip");
        assertThat(readable(gzip)).startsWith("openapi: 3");
    }

    @Test
    void givenJsonAnswerWithStarEncoding_itParses() throws Exception {
        HttpResponse<byte[]> response = raw.send(HttpRequest.newBuilder(api().uri("/api/plugins?limit=100"))
                .header("Authorization", api().bearer(Who.newUser("alice"))).header("Accept-Encoding", "*").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(readable(response)).path("items").isArray()).isTrue();
    }

    private HttpResponse<byte[]> openApiDocument(String acceptEncoding) throws IOException, InterruptedException {
        return raw.send(HttpRequest.newBuilder(api().uri("/swagger/plugboard.yml")).header("Accept-Encoding", acceptEncoding)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String readable(HttpResponse<byte[]> response) throws IOException {
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
