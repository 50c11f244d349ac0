package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workflow suites share: workflow documents, a plugin of each test's own installed for
 * its owner, webhook signing as a sender does it, and waiting for a run to move.
 */
final class WorkflowFixtures {

    static final String WORKFLOWS = "/api/user/workflows";
    static final String RUNS = "/api/user/workflow-runs/";

    private WorkflowFixtures() {
    }

    /** A one-step workflow whose step sends {@code trigger.data.text} to {@code plugin}. */
    static String workflow(String slug, String plugin, String extraFields) {
        return """
                {"name": "Triage %s", "slug": "%s", "description": "summarize what comes in",%s
                 "steps": [{"order": 0, "name": "first", "plugin": "%s",
                            "inputMapping": {"text": "{{ trigger.data.text }}"}}]}"""
                .formatted(slug, slug, extraFields == null || extraFields.isEmpty() ? "" : " " + extraFields + ",", plugin);
    }

    /** A fresh external plugin (runs wait for a worker) registered in the catalog and installed for {@code owner}. */
    static String installedPlugin(ApiContract suite, Who owner) {
        String plugin = Who.unique("contract-wf");
        ContractPlugins.register(suite.api(), Who.newAdmin(), ContractPlugins.external(plugin, "contract.unused"));
        suite.install(owner, plugin, null);
        return plugin;
    }

    static String slug(String prefix) {
        return Who.unique(prefix);
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"} with the webhook's secret, as a sender computes it. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook delivery with exactly these headers and body, and no token. */
    static HttpRequest delivery(ApiClient api, String workflowId, String method, String timestamp, String signature,
                                HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/hooks/" + workflowId))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").method(method, body);
        if (timestamp != null) {
            request.header("X-Plugboard-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Plugboard-Signature", signature);
        }
        return request.build();
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    /** Polls until {@code condition} holds (at most 30 s), and returns the last value seen. */
    static JsonNode await(String what, Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = read.get();
        while (!condition.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = read.get();
        }
        assertThat(condition.test(last)).as(what + "; last seen: " + last).isTrue();
        return last;
    }
}
